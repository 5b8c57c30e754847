import JSON
import JSONPath
import Testing

@Suite struct ShorthandTests {
    let response: JSONValue = [
        "total": "2",
        "contact": ["id": 7, "first-name": "Ada"],
        "contacts": [
            "1": ["id": 1, "fields": ["all": ["email": "a@example.com"]]],
            "2": ["id": 2, "fields": ["all": ["email": "b@example.com"]]],
        ],
        "list": [["email": "x@example.com"], ["email": "y@example.com"]],
    ]

    func paths(_ shorthand: String) throws -> [String] {
        try JSONPathQuery(shorthand: shorthand).evaluate(response).map(\.path)
    }

    func values(_ shorthand: String) throws -> [JSONValue] {
        try JSONPathQuery(shorthand: shorthand).values(in: response)
    }

    @Test func leadingDotName() throws {
        #expect(try values(".contact.id") == [7])
        #expect(try values("contact.id") == [7])
        #expect(try paths("contact.id") == ["$['contact']['id']"])
    }

    @Test func indexesAndWildcards() throws {
        #expect(try values("list[0].email") == ["x@example.com"])
        #expect(try values(".contacts.*.fields.all.email") == ["a@example.com", "b@example.com"])
        #expect(try values("[\"total\"]") == ["2"])
    }

    @Test func leadingWildcard() throws {
        #expect(try values("*.id") == [7])
        #expect(try paths("*") == ["$['total']", "$['contact']", "$['contacts']", "$['list']"])
    }

    @Test func descendants() throws {
        #expect(try values("..id") == [7, 1, 2])
        #expect(try paths("..id") == ["$['contact']['id']", "$['contacts']['1']['id']", "$['contacts']['2']['id']"])
    }

    @Test func digitsSelectMembersOrElements() throws {
        #expect(try values(".contacts.2.id") == [2])
        #expect(try paths(".contacts.2.id") == ["$['contacts']['2']['id']"])
        #expect(try values(".list.1.email") == ["y@example.com"])
        #expect(try paths(".list.1") == ["$['list'][1]"])
    }

    @Test func dashedNames() throws {
        #expect(try values(".contact.first-name") == ["Ada"])
    }

    @Test func fullJSONPathStillWorks() throws {
        #expect(try values("$.list[?@.email == 'y@example.com'].email") == ["y@example.com"])
        #expect(try values("list[?search(@.email, '^x')].email") == ["x@example.com"])
    }

    @Test func emptyOrDotIsTheRoot() throws {
        #expect(try values("") == [response])
        #expect(try values(".") == [response])
    }

    @Test func strictModeRejectsShorthand() {
        #expect(throws: JSONPathError.self) { try JSONPathQuery(".contact.id") }
        #expect(throws: JSONPathError.self) { try JSONPathQuery("$.contacts.1") }
        #expect(throws: JSONPathError.self) { try JSONPathQuery("$.first-name") }
    }

    @Test func aQueryStartingWithTheRootIsStrictInShorthandModeToo() {
        #expect(throws: JSONPathError.self) { try JSONPathQuery(shorthand: "$.1") }
        #expect(throws: JSONPathError.self) { try JSONPathQuery(shorthand: "$.contacts.1") }
        #expect(throws: JSONPathError.self) { try JSONPathQuery(shorthand: "$.contact.first-name") }
        #expect(throws: JSONPathError.self) { try JSONPathQuery(shorthand: "$..contacts.2") }
    }
}

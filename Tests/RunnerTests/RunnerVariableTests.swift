import Hurl
import JSON
import Testing
@testable import Runner

@Suite struct RunnerVariableTests {
    let variables = VariableStore(["id": .integer(42), "name": .string("Ada \"the\" first"), "ok": .bool(true),
                                   "tags": .list([.string("a")]), "nothing": .null])

    @Test func valuesGivenAsTextAreTyped() {
        #expect(RunValue.inferred(from: "42") == .integer(42))
        #expect(RunValue.inferred(from: "-1.5") == .number(JSONNumber(literal: "-1.5")!))
        #expect(RunValue.inferred(from: "true") == .bool(true))
        #expect(RunValue.inferred(from: "null") == .null)
        #expect(RunValue.inferred(from: "0042") == .string("0042"))
        #expect(RunValue.inferred(from: "abc") == .string("abc"))
    }

    @Test func templatesExpandToText() throws {
        #expect(try variables.expand(HurlTemplate.parse(raw: "/contacts/{{id}}?ok={{ok}}&n={{nothing}}")) == "/contacts/42?ok=true&n=null")
    }

    @Test func anUnknownVariableIsAnErrorThatNamesIt() {
        #expect(throws: RunFailure.self) { try variables.expand(HurlTemplate.parse(raw: "{{missing}}")) }
        do {
            _ = try variables.expand(HurlTemplate.parse(raw: "x {{missing}}"))
        } catch {
            #expect(error.message.hasPrefix("unknown variable 'missing'"))
        }
    }

    @Test func jsonBodiesGetTypedValuesOutsideStringsAndEscapedTextInside() throws {
        let expanded = try variables.expandJSON(#"{"id": {{id}}, "name": {{name}}, "greeting": "Hi {{name}}!", "tags": {{tags}}, "ok": {{ok}}}"#)
        #expect(expanded == #"{"id": 42, "name": "Ada \"the\" first", "greeting": "Hi Ada \"the\" first!", "tags": ["a"], "ok": true}"#)
        let parsed = try JSONValue.parse(expanded)
        #expect(parsed["greeting"] == .string("Hi Ada \"the\" first!"))
    }

    @Test func escapedQuotesInJSONStringsDoNotEndThem() throws {
        let expanded = try variables.expandJSON(#"{"a": "say \"{{id}}\"", "b": {{id}}}"#)
        #expect(expanded == #"{"a": "say \"42\"", "b": 42}"#)
    }

    @Test func hurlFunctionsNewUuidAndNewDate() throws {
        let uuid = try VariableStore().expand(HurlTemplate.parse(raw: "{{newUuid}}"))
        #expect(TypePredicates.isUUID(uuid))
        let date = try VariableStore().expand(HurlTemplate.parse(raw: "{{newDate}}"))
        #expect(ISODate.parse(date) != nil)
    }

    @Test func secretValuesAreListedForMasking() {
        var store = VariableStore(["token": .string("s3cr3t-value")], secretNames: ["token"])
        store.set("session", .string("abcdef"), secret: true)
        store.set("public", .string("visible"))
        #expect(Set(store.secretValues) == ["s3cr3t-value", "abcdef"])
    }
}

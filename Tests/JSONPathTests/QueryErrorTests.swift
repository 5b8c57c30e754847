import JSON
import JSONPath
import Testing

@Suite struct QueryErrorTests {
    func rejection(_ text: String) -> JSONPathError? {
        do {
            _ = try JSONPathQuery(text)
            return nil
        } catch {
            return error
        }
    }

    @Test func reportsColumnAndCaret() throws {
        let error = try #require(rejection("$.a[1"))
        #expect(error.column == 6)
        #expect(error.description == "column 6: expected ']' to close the '[' at column 4")
        #expect(error.caretDiagram == "$.a[1\n     ^ expected ']' to close the '[' at column 4")
    }

    @Test(arguments: [
        ("a", 1), ("$.", 3), ("$[01]", 3), ("$[-0]", 3), ("$[9007199254740992]", 3), ("$.a ", 4),
        ("$[?@.a == 1 == 2]", 13), ("$[?@.* == 1]", 4), ("$[?length(@.*) == 1]", 11), ("$[?count(@.a)]", 4),
        ("$[?'x']", 4), ("$[?foo(@)]", 4), ("$[?match(@.a)]", 4), ("$['\\q']", 4), ("$[?!@.a == 1]", 9),
        ("$[?@.a == 1 && (true)]", 17),
    ] as [(String, Int)])
    func invalidQueries(_ text: String, _ column: Int) {
        #expect(rejection(text)?.column == column, "\(text): \(rejection(text)?.description ?? "accepted")")
    }

    @Test func columnsCountCharactersNotBytes() throws {
        #expect(try #require(rejection("$['é']x")).column == 7)
    }

    @Test func hostileNestingIsRejected() {
        let deep = "$" + String(repeating: "[?(", count: 200) + "@" + String(repeating: ")]", count: 200)
        #expect(rejection(deep) != nil)
    }
}

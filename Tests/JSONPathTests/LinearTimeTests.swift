import JSON
import JSONPath
import Testing
import TestSupport

/// Queries a person types and documents a server sends, on hostile shapes: twice the input must take
/// about twice the time, compiling or evaluating, whether the query is accepted or refused.
@Suite("JSONPath in linear time", .serialized)
struct JSONPathLinearTimeTests {
    static let document = try! JSONValue.parse(#"{"a": [{"b": 1, "c": "x"}, {"b": 2}], "d": {"e": null}}"#)

    static func compileAndRun(_ query: String) {
        for compiled in [try? JSONPathQuery(query), try? JSONPathQuery(shorthand: query)] {
            _ = compiled?.evaluate(document)
        }
    }

    static let queries: [(name: String, build: @Sendable (Int) -> String)] = [
        ("[0] ×N", { "$" + String(repeating: "[0]", count: $0) }),
        ("[ ×N, unclosed", { "$" + String(repeating: "[", count: $0) }),
        ("( ×N in a filter", { "$[?" + String(repeating: "(", count: $0) + "@.b" + String(repeating: ")", count: $0) + "]" }),
        ("..a ×N", { "$" + String(repeating: "..a", count: $0) }),
        ("a name of N characters", { "$." + String(repeating: "n", count: $0) }),
        ("a string of \\ escapes", { "$['" + String(repeating: "\\'\\\\\\u00e9", count: $0) + "']" }),
        ("N selectors in one bracket", { "$[" + (0..<$0).map { "\($0 % 7)" }.joined(separator: ",") + "]" }),
        ("N comparisons joined by ||", { "$.a[?" + (0..<$0).map { "@.b == \($0)" }.joined(separator: " || ") + "]" }),
        ("a regex of N characters", { "$.a[?match(@.c, '" + String(repeating: "[a-z]", count: $0) + "')]" }),
        ("N blanks between segments", { "$" + String(repeating: " ", count: $0) + ".a" }),
    ]

    @Test("compile and evaluate", arguments: 0..<queries.count)
    func compile(shape: Int) {
        let (name, build) = Self.queries[shape]
        // A low floor keeps the sizes small: a refused query costs little, and at tens of megabytes the
        // machine's memory, not the parser, would decide the ratio.
        let growth = GrowthRate.ofDoubling(from: 500, floor: .milliseconds(20), input: build, work: Self.compileAndRun)
        #expect(growth.ratio < GrowthRate.linearBound, "\(name): \(growth.size) → \(growth.size * 2) took \(growth.ratio)× as long")
    }

    static let documents: [(name: String, query: String, build: @Sendable (Int) -> String)] = [
        ("$..* over N members", "$..*", { "{" + (0..<$0).map { "\"k\($0)\": [\($0), {\"x\": \($0)}]" }.joined(separator: ",") + "}" }),
        ("a filter over N elements", "$[?@.b > 1 && match(@.c, '[a-z]+')]", {
            "[" + (0..<$0).map { "{\"b\": \($0), \"c\": \"abc\"}" }.joined(separator: ",") + "]"
        }),
        ("..b over 200-deep arrays, N times", "$..b", { size in
            "[" + Array(repeating: String(repeating: "[", count: 200) + "{\"b\": 1}" + String(repeating: "]", count: 200),
                count: size / 100 + 1).joined(separator: ",") + "]"
        }),
        ("[-1:0:-1] over N elements", "$[-1:0:-1]", { "[" + Array(repeating: "0", count: $0).joined(separator: ",") + "]" }),
    ]

    @Test("evaluate over a large document", arguments: 0..<documents.count)
    func evaluate(shape: Int) throws {
        let (name, query, build) = Self.documents[shape]
        let compiled = try JSONPathQuery(query)
        let growth = GrowthRate.ofDoubling(from: 500, input: { try! JSONValue.parse(build($0)) }, work: { document in
            _ = compiled.evaluate(document)
        })
        #expect(growth.ratio < GrowthRate.linearBound, "\(name): \(growth.size) → \(growth.size * 2) took \(growth.ratio)× as long")
    }
}

import Testing
import TestSupport
@testable import Sandbox

/// Query strings and form bodies the sandbox decodes before any route runs, on hostile shapes: twice the
/// input must take about twice the time.
@Suite("Sandbox parameters in linear time", .serialized)
struct ParameterLinearTimeTests {
    static let queries: [(name: String, build: @Sendable (Int) -> String)] = [
        ("N distinct names", { (0..<$0).map { "p\($0)=\($0)" }.joined(separator: "&") }),
        ("tags[]= ×N", { Array(repeating: "tags[]=a", count: $0).joined(separator: "&") }),
        ("where[i][col]= for N clauses", { (0..<$0).map { "where[\($0)][col]=email" }.joined(separator: "&") }),
        ("one name N times", { Array(repeating: "a=1", count: $0).joined(separator: "&") }),
        ("a name of N [", { "a" + String(repeating: "[", count: $0) + "=1" }),
        ("a name of N []", { "a" + String(repeating: "[]", count: $0) + "=1" }),
        ("a value of N percent escapes", { "a=" + String(repeating: "%41%2", count: $0) }),
    ]

    @Test("query or form decoded", arguments: 0..<queries.count)
    func decode(shape: Int) {
        let (name, build) = Self.queries[shape]
        let growth = GrowthRate.ofDoubling(from: 200, input: build, work: { query in
            _ = BracketParameters.object(from: FormEncoding.pairs(query))
        })
        #expect(growth.ratio < GrowthRate.linearBound, "\(name): \(growth.size) → \(growth.size * 2) took \(growth.ratio)× as long")
    }

    @Test("an OAuth header of N parameters")
    func oauthHeader() {
        let growth = GrowthRate.ofDoubling(from: 200, input: { size in
            "OAuth " + (0..<size).map { "oauth_p\($0)=\"v%20\($0)\"" }.joined(separator: ", ")
        }, work: { header in _ = OAuth1Parameters.headerPairs(header) })
        #expect(growth.ratio < GrowthRate.linearBound, "\(growth.size) → \(growth.size * 2) parameters took \(growth.ratio)× as long")
    }
}

import Testing
import TestSupport
import Workspace

/// Environment files read and written back, on hostile shapes: twice the input must take about twice
/// the time.
@Suite("Environment files in linear time", .serialized)
struct EnvironmentLinearTimeTests {
    static let files: [(name: String, build: @Sendable (Int) -> String)] = [
        ("N variables", { (0..<$0).map { "v\($0) = \($0)\n" }.joined() }),
        ("a value of N characters", { "baseUrl = " + String(repeating: "a \"", count: $0) + "\n" }),
        ("N sections", { (0..<$0).map { "[auth a\($0)]\ntype = basic\n" }.joined() }),
        ("N blank lines", { String(repeating: " \r\n", count: $0) + "a = 1\n" }),
        ("N comment lines", { String(repeating: "# note\n", count: $0) }),
        ("a name of N characters", { String(repeating: "n", count: $0) + " = 1\n" }),
    ]

    @Test("parse and render", arguments: 0..<files.count)
    func parse(shape: Int) {
        let (name, build) = Self.files[shape]
        let growth = GrowthRate.ofDoubling(from: 500, input: build, work: { text in
            _ = try? EnvironmentDocument(parsing: text, fileName: "hostile.env").rendered()
        })
        #expect(growth.ratio < GrowthRate.linearBound, "\(name): \(growth.size) → \(growth.size * 2) took \(growth.ratio)× as long")
    }
}

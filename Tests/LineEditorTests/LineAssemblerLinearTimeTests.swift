import LineEditor
import Testing
import TestSupport

/// Scripts and pastes joined into logical lines, on hostile shapes: twice the input must take about
/// twice the time.
@Suite("Line assembly in linear time", .serialized)
struct LineAssemblerLinearTimeTests {
    static let scripts: [(name: String, build: @Sendable (Int) -> String)] = [
        ("a body line of { ×N", { "POST /x " + String(repeating: "{", count: $0) + "\n" }),
        ("a body of N lines of [", { "POST /x [\n" + String(repeating: "[\n", count: $0) }),
        ("N lines joined by \\", { "GET /x \\\n" + String(repeating: "a==1 \\\n", count: $0) + "b==2\n" }),
        ("a line ending in N \\", { "GET /x " + String(repeating: "\\", count: $0) + "\n" }),
        ("a here-document of N lines", { "POST /x <<EOF\n" + String(repeating: "{\"a\": 1}\n", count: $0) + "EOF\n" }),
        ("a quoted string of N \\\"", { "POST /x {\"a\": \"" + String(repeating: "\\\"", count: $0) + "\"}\n" }),
        ("N requests, each with a body on the next line", { String(repeating: "PUT /x\n{\"a\": 1}\n", count: $0) }),
        ("a line of N blanks", { "GET /x" + String(repeating: " \t", count: $0) + "\n" }),
    ]

    @Test("lines of a script", arguments: 0..<scripts.count)
    func assemble(shape: Int) {
        let (name, build) = Self.scripts[shape]
        let growth = GrowthRate.ofDoubling(from: 500, input: build, work: { _ = LineAssembler.lines(of: $0) })
        #expect(growth.ratio < GrowthRate.linearBound, "\(name): \(growth.size) → \(growth.size * 2) took \(growth.ratio)× as long")
    }
}

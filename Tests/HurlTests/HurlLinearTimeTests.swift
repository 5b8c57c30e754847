import Hurl
import Testing
import TestSupport

/// Hurl files as `apish run` reads them, on hostile shapes: twice the input must take about twice the
/// time, whether the file parses or is refused, and writing a parsed file back too.
@Suite("Hurl in linear time", .serialized)
struct HurlLinearTimeTests {
    static func parseAndWrite(_ text: String) {
        guard let file = try? HurlParser.parse(text, fileName: "hostile.hurl") else { return }
        _ = HurlWriter.write(file)
    }

    static let shapes: [(name: String, build: @Sendable (Int) -> String)] = [
        ("a multiline string of N lines", { "POST http://127.0.0.1/\n```\n" + String(repeating: "line {{x}} \\ ```\n", count: $0) + "```\nHTTP 200\n" }),
        ("an unclosed multiline string", { "POST http://127.0.0.1/\n```\n" + String(repeating: "line\n", count: $0) }),
        ("a header line of N characters", { "GET http://127.0.0.1/\nX-Long: " + String(repeating: "a", count: $0) + "\nHTTP 200\n" }),
        ("a URL of N {{", { "GET http://127.0.0.1/" + String(repeating: "{{", count: $0) + "\n" }),
        ("a URL of N placeholders", { "GET http://127.0.0.1/" + String(repeating: "{{id}}", count: $0) + "\n" }),
        ("a quoted string of \\ escapes", {
            "GET http://127.0.0.1/\nHTTP 200\n[Asserts]\nbody == \"" + String(repeating: "\\\"\\\\\\n\\u{1F600}", count: $0) + "\"\n"
        }),
        ("N asserts", { "GET http://127.0.0.1/\nHTTP 200\n[Asserts]\n" + String(repeating: "jsonpath \"$.a\" == 1\n", count: $0) }),
        ("N query parameters", { "GET http://127.0.0.1/\n[QueryStringParams]\n" + (0..<$0).map { "p\($0): \($0)\n" }.joined() }),
        ("N entries", { String(repeating: "GET http://127.0.0.1/\nHTTP 200\n\n", count: $0) }),
        ("a JSON body N deep", { "POST http://127.0.0.1/\n" + String(repeating: "{\"a\":", count: $0) + "1" + String(repeating: "}", count: $0) + "\n" }),
        ("a JSON body of { ×N, unclosed", { "POST http://127.0.0.1/\n" + String(repeating: "{", count: $0) + "\n" }),
        ("N comment lines", { String(repeating: "# a comment\n", count: $0) + "GET http://127.0.0.1/\n" }),
        ("a regex of N characters", { "GET http://127.0.0.1/\nHTTP 200\n[Asserts]\nbody matches /" + String(repeating: "a\\/", count: $0) + "/\n" }),
    ]

    @Test("parse and write", arguments: 0..<shapes.count)
    func parse(shape: Int) {
        let (name, build) = Self.shapes[shape]
        let growth = GrowthRate.ofDoubling(from: 500, input: build, work: Self.parseAndWrite)
        #expect(growth.ratio < GrowthRate.linearBound, "\(name): \(growth.size) → \(growth.size * 2) took \(growth.ratio)× as long")
    }
}

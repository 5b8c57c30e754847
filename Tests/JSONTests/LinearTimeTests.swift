import JSON
import Testing
import TestSupport

/// JSON read from servers and files, on hostile shapes: twice the input must take about twice the time
/// (a quadratic step takes four times), whether the document parses or is refused.
@Suite("JSON in linear time", .serialized)
struct JSONLinearTimeTests {
    static func parseAndPrint(_ bytes: [UInt8]) {
        guard let value = try? JSONValue.parse(bytes) else { return }
        _ = value.serializedBytes(style: .pretty)
    }

    static func reformat(_ bytes: [UInt8]) {
        try? JSONValue.reformat(bytes, style: .pretty) { _ in }
    }

    static let shapes: [(name: String, build: @Sendable (Int) -> String)] = [
        ("[ ×N, unclosed", { String(repeating: "[", count: $0) }),
        ("{ ×N, unclosed", { String(repeating: "{", count: $0) }),
        ("{\"a\": ×N, unclosed", { String(repeating: "{\"a\":", count: $0) }),
        ("[ ×200 ]×200 side by side, N times", { size in
            "[" + Array(repeating: String(repeating: "[", count: 200) + String(repeating: "]", count: 200), count: size / 400 + 1)
                .joined(separator: ",") + "]"
        }),
        ("a string of \\ escapes", { "\"" + String(repeating: "\\\\\\n\\\"", count: $0) + "\"" }),
        ("a string of \\u surrogate pairs", { "\"" + String(repeating: "\\ud83d\\ude00", count: $0) + "\"" }),
        ("an unterminated string of escapes", { "\"" + String(repeating: "\\t", count: $0) }),
        ("a number of N digits", { String(repeating: "9", count: $0) + ".5e-" + String(repeating: "1", count: 10) }),
        ("an object of N members", { "{" + (0..<$0).map { "\"k\($0)\":\($0)" }.joined(separator: ",") + "}" }),
        ("an object of one key N times", { "{" + Array(repeating: "\"k\":1", count: $0).joined(separator: ",") + "}" }),
        ("an array of N numbers", { "[" + Array(repeating: "1.50", count: $0).joined(separator: ",") + "]" }),
        ("N blanks", { String(repeating: " \n\t\r", count: $0) + "1" }),
    ]

    @Test("parse and print", arguments: 0..<shapes.count)
    func parse(shape: Int) {
        let (name, build) = Self.shapes[shape]
        let growth = GrowthRate.ofDoubling(from: 1_000, input: { Array(build($0).utf8) }, work: Self.parseAndPrint)
        #expect(growth.ratio < GrowthRate.linearBound, "\(name): \(growth.size) → \(growth.size * 2) took \(growth.ratio)× as long")
    }

    @Test("reformat (apish fmt)", arguments: 0..<shapes.count)
    func reformat(shape: Int) {
        let (name, build) = Self.shapes[shape]
        let growth = GrowthRate.ofDoubling(from: 1_000, input: { Array(build($0).utf8) }, work: Self.reformat)
        #expect(growth.ratio < GrowthRate.linearBound, "\(name): \(growth.size) → \(growth.size * 2) took \(growth.ratio)× as long")
    }
}

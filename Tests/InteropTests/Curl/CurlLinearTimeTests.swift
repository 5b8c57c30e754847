import Hurl
import Interop
import Testing
import TestSupport

/// What `apish import curl` does to a command (parse, Hurl entry, credentials out, Hurl text), on
/// hostile commands: twice the input must take about twice the time, not four times.
@Suite("curl import in linear time", .serialized)
struct CurlLinearTimeTests {
    static func importAndWrite(_ command: String) throws {
        var entry = try CurlImporter.parse(command).hurlEntry()
        var credentials = LiteralCredentials(existing: [:])
        credentials.extract(from: &entry)
        _ = HurlWriter.write(entry)
    }

    @Test("a run of { in the URL, a header, -d, --json and -F", arguments: [
        "curl 'http://127.0.0.1/%@'",
        "curl http://127.0.0.1/ -H 'X-Run: %@'",
        "curl http://127.0.0.1/ -d '%@'",
        "curl http://127.0.0.1/ --json '%@'",
        "curl http://127.0.0.1/ -F 'field=%@'",
    ])
    func runOfOpeningBraces(shape: String) throws {
        let growth = try GrowthRate.ofDoubling(from: 2_000, input: { size in
            shape.replacing("%@", with: String(repeating: "{", count: size))
        }, work: Self.importAndWrite)
        #expect(growth.ratio < 2.5, "\(growth.size) → \(growth.size * 2) braces took \(growth.ratio)× as long")
    }

    @Test("braces opened and closed N deep")
    func nestedBraces() throws {
        let growth = try GrowthRate.ofDoubling(from: 2_000, input: { size in
            "curl http://127.0.0.1/ -d '" + String(repeating: "{", count: size) + String(repeating: "}", count: size) + "'"
        }, work: Self.importAndWrite)
        #expect(growth.ratio < 2.5, "\(growth.size) → \(growth.size * 2) braces took \(growth.ratio)× as long")
    }
}

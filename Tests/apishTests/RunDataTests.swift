import Foundation
import Testing
import TestSupport

/// Data-driven runs (`--data FILE`): each file once per row of a CSV or JSON data file.
@Suite(.serialized) final class RunDataTests {
    let httpbin: PeerServer
    let folder: URL

    init() throws {
        httpbin = try PeerServer.httpbin()
        folder = try PackagePaths.temporaryFolder("apish-run-data")
        // The first entry checks that nothing captured under an earlier row is still there.
        try write("""
            GET {{base}}/anything/{{id}}
            [Query]
            name: {{name}}
            HTTP 200
            [Asserts]
            variable "seen" not exists
            jsonpath "$.args.name" == "{{name}}"
            jsonpath "$.url" contains "/anything/{{id}}?"

            GET {{base}}/get
            HTTP 200
            [Captures]
            seen: jsonpath "$.url"

            """, to: "people.hurl")
    }

    deinit {
        httpbin.stop()
        try? FileManager.default.removeItem(at: folder)
    }

    private func write(_ text: String, to path: String) throws {
        try text.write(to: folder.appendingPathComponent(path), atomically: true, encoding: .utf8)
    }

    private func read(_ path: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
    }

    private func apish(_ arguments: [String]) throws -> CommandResult {
        let binary = PackagePaths.apishBinary
        guard FileManager.default.isExecutableFile(atPath: binary.path) else { throw MissingBinary(path: binary.path) }
        return try Command.apish(arguments + ["--variable", "base=\(httpbin.baseURL)"], currentDirectory: folder)
    }

    @Test func eachCSVRowRunsTheFileOnceWithItsValues() throws {
        try write("id,name\r\n1,\"Lovelace, Ada\"\r\n2,Turing\r\n3,\"Grace \"\"Amazing\"\" Hopper\"\r\n", to: "people.csv")
        let result = try apish(["run", "people.hurl", "--data", "people.csv", "--report-tap", "out.tap"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasSuffix("3 passed, 0 failed\n"))
        #expect(try read("out.tap") == "TAP version 13\n1..3\nok 1 - people.hurl [row 1]\nok 2 - people.hurl [row 2]\nok 3 - people.hurl [row 3]\n")
    }

    @Test func jsonRowsKeepTheirTypesAndAFailureNamesItsRow() throws {
        try write(#"[{"id": 7, "name": "Ada"}, {"id": "8?x=1", "name": "Alan"}]"#, to: "people.json")
        let result = try apish(["run", "people.hurl", "--data", "people.json", "--report-junit", "out.xml"])
        #expect(result.status == 4, "the second row's id starts a query of its own, so the URL does not hold it followed by '?': \(result.stderr)")
        #expect(result.stderr.contains("--> people.hurl [row 2]:8"), "\(result.stderr)")
        #expect(result.stdout.hasSuffix("1 passed, 1 failed\n"))
        #expect(try read("out.xml").contains("name=\"people.hurl [row 1]\""))
    }

    @Test func aBrokenDataFileIsAUsageError() throws {
        try write("id,name\n1\n", to: "short.csv")
        let short = try apish(["run", "people.hurl", "--data", "short.csv"])
        #expect(short.status == 1)
        #expect(short.stderr.contains("short.csv: row 1 has 1 values for 2 columns"), "\(short.stderr)")
        try write(#"{"id": 1}"#, to: "object.json")
        #expect(try apish(["run", "people.hurl", "--data", "object.json"]).status == 1)
    }
}

import Foundation
import Testing
import TestSupport

/// `apish run` as a user runs it: the built binary against httpbin.
@Suite(.serialized) final class RunCommandTests {
    let httpbin: PeerServer
    let folder: URL

    init() throws {
        httpbin = try PeerServer.httpbin()
        folder = try PackagePaths.temporaryFolder("apish-run")
        try "GET {{base}}/get\nHTTP 200\n[Asserts]\njsonpath \"$.url\" contains \"/get\"\n"
            .write(to: folder.appendingPathComponent("ok.hurl"), atomically: true, encoding: .utf8)
        try "GET {{base}}/status/404\nHTTP 200\n"
            .write(to: folder.appendingPathComponent("missing.hurl"), atomically: true, encoding: .utf8)
    }

    deinit {
        httpbin.stop()
        try? FileManager.default.removeItem(at: folder)
    }

    private func apish(_ arguments: [String]) throws -> CommandResult {
        let binary = PackagePaths.apishBinary
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            throw MissingBinary(path: binary.path)
        }
        return try Command.apish(arguments, currentDirectory: folder)
    }

    @Test func reportsExitCodeAndSummary() throws {
        let result = try apish(["run", "ok.hurl", "missing.hurl", "--variable", "base=\(httpbin.baseURL)", "--jobs", "2",
                                "--report-junit", "out.xml", "--report-tap", "out.tap", "--report-json", "out.json"])
        #expect(result.status == 4, "\(result.stderr)")
        #expect(result.stdout.split(separator: "\n").last == "1 passed, 1 failed")
        #expect(result.stderr.contains("error: assert failure\n --> missing.hurl:2\n"))
        let tap = try String(contentsOf: folder.appendingPathComponent("out.tap"), encoding: .utf8)
        #expect(tap == "TAP version 13\n1..2\nok 1 - ok.hurl\nnot ok 2 - missing.hurl\n")
        let junit = try String(contentsOf: folder.appendingPathComponent("out.xml"), encoding: .utf8)
        #expect(junit.contains("tests=\"2\" errors=\"0\" failures=\"1\""))
        let json = try String(contentsOf: folder.appendingPathComponent("out.json"), encoding: .utf8)
        #expect(json.contains("\"exit_code\": 4"))
    }

    @Test func allPassingExitsZero() throws {
        let result = try apish(["run", "ok.hurl", "--variable", "base=\(httpbin.baseURL)"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasSuffix("1 passed, 0 failed\n"))
    }

    @Test func parseErrorsExitTwoWithACaret() throws {
        try "GET {{base}}/get\nHTTP 20x\n".write(to: folder.appendingPathComponent("broken.hurl"), atomically: true, encoding: .utf8)
        let result = try apish(["run", "broken.hurl", "--variable", "base=x"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--> broken.hurl:2:6\n  |\n2 | HTTP 20x\n  |      ^"))
    }

    @Test func usageErrorsExitOne() throws {
        #expect(try apish(["run", "ok.hurl", "--variable", "novalue"]).status == 1)
        #expect(try apish(["run", "nowhere.hurl"]).status == 1)
    }

    @Test func anUnknownVariableExitsThree() throws {
        let result = try apish(["run", "ok.hurl"])
        #expect(result.status == 3)
        #expect(result.stderr.contains("unknown variable 'base'"))
    }
}

struct MissingBinary: Error, CustomStringConvertible {
    let path: String
    var description: String { "the apish binary is missing at \(path): run `swift build` first" }
}

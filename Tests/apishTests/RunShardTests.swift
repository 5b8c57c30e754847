import Foundation
import Testing
import TestSupport

/// `--shard K/N` over a suite, and `apish report merge` of the shards' JUnit reports.
@Suite(.serialized) final class RunShardTests {
    let httpbin: PeerServer
    let folder: URL
    let names = (1...12).map { "case\($0).hurl" }

    init() throws {
        httpbin = try PeerServer.httpbin()
        folder = try PackagePaths.temporaryFolder("apish-run-shard")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("suite"), withIntermediateDirectories: true)
        for name in names {
            try "GET {{base}}/get\nHTTP 200\n".write(to: folder.appendingPathComponent("suite/\(name)"), atomically: true, encoding: .utf8)
        }
    }

    deinit {
        httpbin.stop()
        try? FileManager.default.removeItem(at: folder)
    }

    private func apish(_ arguments: [String]) throws -> CommandResult {
        let binary = PackagePaths.apishBinary
        guard FileManager.default.isExecutableFile(atPath: binary.path) else { throw MissingBinary(path: binary.path) }
        return try Command.apish(arguments, currentDirectory: folder)
    }

    private func testCases(_ xml: String) -> [String] {
        xml.matches(of: #/<testcase id="([^"]+)"/#).map { String($0.output.1) }
    }

    @Test func theShardsRunTheWholeSuiteOnceAndTheirReportsMerge() throws {
        var shardFiles: [String] = []
        var seen: [String] = []
        for shard in 1...3 {
            let report = "shard-\(shard).xml"
            let result = try apish(["run", "suite", "--shard", "\(shard)/3", "--variable", "base=\(httpbin.baseURL)", "--report-junit", report])
            #expect(result.status == 0, "\(result.stderr)")
            let cases = testCases(try String(contentsOf: folder.appendingPathComponent(report), encoding: .utf8))
            #expect(result.stdout.hasSuffix("\(cases.count) passed, 0 failed\n"))
            seen += cases
            shardFiles.append(report)
        }
        #expect(seen.sorted() == names.map { "suite/\($0)" }.sorted())
        let again = try apish(["run", "suite", "--shard", "2/3", "--variable", "base=\(httpbin.baseURL)", "--report-junit", "again.xml"])
        #expect(again.status == 0)
        #expect(testCases(try String(contentsOf: folder.appendingPathComponent("again.xml"), encoding: .utf8))
                == testCases(try String(contentsOf: folder.appendingPathComponent("shard-2.xml"), encoding: .utf8)), "the same shard every time")

        let merged = try apish(["report", "merge"] + shardFiles)
        #expect(merged.status == 0, "\(merged.stderr)")
        #expect(merged.stdout.contains("<testsuites tests=\"12\" errors=\"0\" failures=\"0\""), "\(merged.stdout)")
        #expect(testCases(merged.stdout).sorted() == seen.sorted())
    }

    @Test func badShardsAndReportsAreUsageErrors() throws {
        #expect(try apish(["run", "suite", "--shard", "4/3"]).status == 1)
        #expect(try apish(["report", "merge", "missing.xml"]).status == 1)
        try "not xml".write(to: folder.appendingPathComponent("bad.xml"), atomically: true, encoding: .utf8)
        let bad = try apish(["report", "merge", "bad.xml"])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("bad.xml is not a JUnit XML report"))
    }
}

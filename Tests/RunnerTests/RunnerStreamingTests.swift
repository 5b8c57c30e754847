import Foundation
import HTTPExchange
import Hurl
import JSON
import Synchronization
import Testing
@testable import Runner

/// A long file runs entry by entry: parsed as it runs, its results kept outside memory and read
/// back by the reports, which come out as they would from results held in memory.
@Suite struct RunnerStreamingTests {
    /// Answers every request with the same JSON document, counting what it is sent.
    final class CannedTransport: HTTPSending {
        let sent = Mutex(0)

        func send(_ request: HTTPRequest, options: SendOptions) async throws -> HTTPResponse {
            sent.withLock { $0 += 1 }
            return RunnerFixtures.response(headers: ["Content-Type": "application/json"], body: #"{"id": 7, "name": "Ada"}"#, url: request.url)
        }
    }

    private static func entries(_ count: Int, failingAt failing: Int? = nil) -> String {
        (1...count).map { number in
            """
            GET http://127.0.0.1:1/contacts/\(number)
            HTTP 200
            [Captures]
            name: jsonpath "$.name"
            [Asserts]
            jsonpath "$.id" == \(number == failing ? 8 : 7)


            """
        }.joined()
    }

    private static func write(_ text: String) throws -> String {
        let path = NSTemporaryDirectory() + "/apish-streaming-\(UUID().uuidString).hurl"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func aLongFileKeepsItsResultsOutOfMemoryAndReadsThemBack() async throws {
        let text = Self.entries(3000)
        // Long enough to be read a second time as it runs rather than held parsed.
        #expect(text.utf8.count > HurlRunner.heldFileSize)
        let path = try Self.write(text)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let transport = CannedTransport()
        let streamed = await HurlRunner(transport: transport).run(path: path)
        #expect(transport.sent.withLock { $0 } == 3000)
        #expect(streamed.passed)
        #expect(streamed.entries.count == 3000)
        #expect(streamed.entries.responseCount == 3000)
        #expect(streamed.entries.keptInMemory == 0)

        // The same entries parsed whole and their results held in memory make the same reports.
        let parsed = await HurlRunner(transport: CannedTransport()).run(try HurlParser.parse(text, fileName: path))
        let held = FileResult(fileName: path, entries: EntryResults(Array(parsed.entries)), duration: streamed.duration)
        #expect(Array(streamed.entries) == Array(held.entries))
        let date = Date(timeIntervalSince1970: 0)
        #expect(JSONReport.json(RunResult(files: [streamed], duration: .zero)) == JSONReport.json(RunResult(files: [held], duration: .zero)))
        #expect(HTMLReport.html(RunResult(files: [streamed], duration: .zero), date: date)
            == HTMLReport.html(RunResult(files: [held], duration: .zero), date: date))
    }

    /// Notes, at each request, the spool files a run has left visible in the temporary folder.
    final class SpoolWatchingTransport: HTTPSending {
        let visibleSpools = Mutex<Set<String>>([])

        func send(_ request: HTTPRequest, options: SendOptions) async throws -> HTTPResponse {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory())) ?? []
            visibleSpools.withLock { $0.formUnion(names.filter { $0.hasPrefix("apish-entries-") }) }
            return RunnerFixtures.response(headers: ["Content-Type": "application/json"], body: #"{"id": 7, "name": "Ada"}"#, url: request.url)
        }
    }

    /// A run killed part-way (no deinit runs) must leave nothing in the temporary folder: the spool
    /// has no name from the moment it is made, and is still read back whole.
    @Test func theSpoolIsNeverVisibleInTheTemporaryFolder() async throws {
        let path = try Self.write(Self.entries(600))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let before = Set(try FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory()))
        let transport = SpoolWatchingTransport()
        let result = await HurlRunner(transport: transport).run(path: path)
        #expect(result.entries.count == 600)
        #expect(result.entries.keptInMemory == 0)
        #expect(Array(result.entries).map(\.index) == Array(1...600))
        #expect(transport.visibleSpools.withLock { $0 }.subtracting(before).isEmpty)
    }

    /// A file held parsed (3 entries) and one read again as it runs (3,000).
    @Test(arguments: [3, 3000]) func aSyntaxErrorAnywhereInAFileSendsNoRequest(count: Int) async throws {
        let path = try Self.write(Self.entries(count) + "GET http://127.0.0.1:1/last\nHTTP 2000\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let transport = CannedTransport()
        let result = await HurlRunner(transport: transport).run(path: path)
        #expect(transport.sent.withLock { $0 } == 0)
        #expect(result.exitCode == .parseError)
        #expect(result.parseError?.line == count * 7 + 2)
        #expect(result.entries.isEmpty)
    }

    @Test func aFailedEntryStopsTheFileAndIsReadBackForTheReports() async throws {
        let path = try Self.write(Self.entries(1000, failingAt: 700))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = await HurlRunner(transport: CannedTransport()).run(path: path)
        #expect(result.exitCode == .assertFailure)
        #expect(result.entries.count == 700)
        #expect(result.entries.failedCount == 1)
        #expect(TextReport.failures(result).hasPrefix("error: assert failure\n    --> \(path):4899\n"))
    }

    /// A run that writes no report keeps what the terminal shows, the entries that did not pass, and
    /// counts them all.
    @Test func withoutReportsOnlyTheEntriesThatDidNotPassAreKept() async throws {
        var configuration = RunConfiguration(continueOnError: true)
        configuration.keepsPassedEntries = false
        let path = try Self.write(Self.entries(1000, failingAt: 700))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = await HurlRunner(transport: CannedTransport(), configuration: configuration).run(path: path)
        #expect(result.exitCode == .assertFailure)
        #expect((result.entries.count, result.entries.failedCount, result.entries.responseCount) == (1000, 1, 1000))
        #expect(Array(result.entries).map(\.index) == [700])
        #expect(Array(result.entries).first?.asserts.map(\.expression) == ["jsonpath \"$.id\" == 8"], "only the failed assert")
        #expect(TextReport.failures(result).hasPrefix("error: assert failure\n    --> \(path):4899\n"))

        let passing = try Self.write(Self.entries(600))
        defer { try? FileManager.default.removeItem(atPath: passing) }
        let passed = await HurlRunner(transport: CannedTransport(), configuration: configuration).run(path: passing)
        #expect(passed.passed)
        #expect(passed.entries.count == 600)
        #expect(Array(passed.entries).isEmpty)
        #expect(TextReport.summary(RunResult(files: [passed], duration: .zero)).contains("Executed requests: 600"))
    }

    @Test func everyPartOfAResultSurvivesTheSpool() throws {
        let entries = [
            EntryResult(fileName: "a.hurl", index: 1, line: 3, method: "POST", url: "http://127.0.0.1/é?q=1",
                        response: ResponseSummary(version: "HTTP/2", status: 201), duration: .nanoseconds(1_234_567_891),
                        captures: [CaptureResult(name: "id", line: 6, value: "\"42\""), CaptureResult(name: "", line: 7, value: "")],
                        asserts: [
                            AssertResult(line: 9, expression: "status == 200", expected: "200", actual: "201", passed: false, isImplicit: true),
                            AssertResult(line: 10, expression: "jsonpath \"$.a\" count == 1", expected: "1", actual: "none", passed: false,
                                         error: "count needs a collection"),
                        ],
                        skipped: false, retries: 2),
            EntryResult(fileName: "a.hurl", index: 2, line: 12, method: "GET", url: "{{base}}/x", duration: .zero, captures: [],
                        asserts: [], failure: RunFailure("unknown variable 'base'"), skipped: false, retries: 0),
            EntryResult(fileName: "a.hurl", index: 3, line: 14, method: "GET", url: "http://x", duration: .zero, captures: [],
                        asserts: [], failure: RunFailure("capture id: no match", line: 16), skipped: false, retries: 0),
            EntryResult(fileName: "a.hurl", index: 4, line: 18, method: "GET", url: "http://x", duration: .zero, captures: [],
                        asserts: [], skipped: true, retries: 0),
        ]
        let builder = EntryResults.Builder(fileName: "a.hurl")
        for entry in entries { builder.append(entry) }
        let results = builder.finish()
        #expect(results.keptInMemory == 0)
        #expect(Array(results) == entries)
        #expect(Array(results) == entries, "read a second time")
        #expect((results.count, results.failedCount, results.runtimeFailureCount, results.responseCount) == (4, 3, 2, 1))
    }
}

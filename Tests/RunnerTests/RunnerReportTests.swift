import Hurl
import JSON
import Testing
@testable import Runner

@Suite struct RunnerReportTests {
    static func sampleRun() throws -> RunResult {
        let passing = FileResult(fileName: "ok.hurl", entries: [
            EntryResult(fileName: "ok.hurl", index: 1, line: 1, method: "GET", url: "http://127.0.0.1/get",
                        response: ResponseSummary(version: "HTTP/1.1", status: 200), duration: .milliseconds(12),
                        captures: [CaptureResult(name: "id", line: 4, value: "42")],
                        asserts: [AssertResult(line: 2, expression: "status == 200", expected: "200", actual: "200", passed: true, isImplicit: true)],
                        skipped: false, retries: 0),
        ], duration: .milliseconds(15))
        let failing = FileResult(fileName: "bad <1>.hurl", entries: [
            EntryResult(fileName: "bad <1>.hurl", index: 1, line: 3, method: "GET", url: "http://127.0.0.1/x",
                        response: ResponseSummary(version: "HTTP/1.1", status: 404), duration: .milliseconds(5), captures: [],
                        asserts: [AssertResult(line: 4, expression: "status == 200", expected: "200", actual: "404", passed: false, isImplicit: true)],
                        skipped: false, retries: 0),
        ], duration: .milliseconds(7))
        let broken: FileResult
        do {
            _ = try HurlParser.parse("GET http://x\nHTTP 2000\n", fileName: "broken.hurl")
            broken = FileResult(fileName: "broken.hurl")
        } catch {
            broken = FileResult(fileName: "broken.hurl", parseError: error)
        }
        let dead = FileResult(fileName: "dead.hurl", entries: [
            EntryResult(fileName: "dead.hurl", index: 1, line: 1, method: "GET", url: "http://127.0.0.1:1/",
                        duration: .zero, captures: [], asserts: [],
                        failure: RunFailure("cannot connect to 127.0.0.1: connection refused", line: 1), skipped: false, retries: 0),
        ], duration: .milliseconds(1))
        return RunResult(files: [passing, failing, broken, dead], duration: .milliseconds(1234))
    }

    @Test func exitCodesFollowHurl() throws {
        let run = try Self.sampleRun()
        #expect(run.files.map(\.exitCode) == [.success, .assertFailure, .parseError, .runtimeError])
        #expect(run.exitCode == .parseError)
        #expect(RunResult(files: [run.files[0], run.files[1], run.files[3]], duration: .zero).exitCode == .runtimeError)
        #expect(RunResult(files: [run.files[0], run.files[1]], duration: .zero).exitCode == .assertFailure)
        #expect(RunResult(files: [run.files[0]], duration: .zero).exitCode == .success)
    }

    @Test func summaryEndsWithPassedAndFailed() throws {
        let summary = TextReport.summary(try Self.sampleRun())
        let lines = summary.split(separator: "\n")
        #expect(lines.last == "1 passed, 3 failed")
        #expect(summary.contains("Executed files:    4\n"))
        #expect(summary.contains("Succeeded files:   1 (25.0%)\n"))
    }

    @Test func failuresAreRenderedWithFileAndLine() throws {
        let run = try Self.sampleRun()
        #expect(TextReport.failures(run.files[0]).isEmpty)
        #expect(TextReport.failures(run.files[1]) == """
        error: assert failure
         --> bad <1>.hurl:4
          |
        4 | status == 200
          |   actual:   404
          |   expected: 200
          |


        """)
        #expect(TextReport.failures(run.files[2]).contains("--> broken.hurl:2:6"))
        #expect(TextReport.failures(run.files[3]).hasPrefix("error: cannot connect to 127.0.0.1: connection refused\n --> dead.hurl:1\n"))
    }

    @Test func tapReport() throws {
        #expect(TAPReport.text(try Self.sampleRun()) == """
        TAP version 13
        1..4
        ok 1 - ok.hurl
        not ok 2 - bad <1>.hurl
        not ok 3 - broken.hurl
        not ok 4 - dead.hurl

        """)
    }

    @Test func junitReport() throws {
        let xml = JUnitReport.xml(try Self.sampleRun())
        #expect(xml.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n<testsuite name=\"apish\" tests=\"4\" errors=\"2\" failures=\"1\" time=\"1.234\">\n"))
        #expect(xml.contains("<testcase id=\"ok.hurl\" name=\"ok.hurl\" time=\"0.015\" />\n"))
        #expect(xml.contains("<testcase id=\"bad &lt;1&gt;.hurl\" name=\"bad &lt;1&gt;.hurl\" time=\"0.007\">\n<failure message=\"assert failure\">error: assert failure"))
        #expect(xml.contains("<error message=\"parse error\">"))
        #expect(xml.contains("<error message=\"runtime error\">error: cannot connect"))
        #expect(xml.hasSuffix("</testsuite>\n</testsuites>\n"))
        #expect(xml.components(separatedBy: "<testcase ").count == 5)
    }

    @Test func jsonReportFollowsItsDocumentedShape() throws {
        let report = try JSONValue.parse(JSONReport.json(try Self.sampleRun()))
        #expect(report["version"] == 1)
        #expect(report["summary"] == ["files": 4, "passed": 1, "failed": 3, "exit_code": 2, "duration_ms": 1234])
        let ok = try #require(report["files"]?[0])
        #expect(ok["file"] == "ok.hurl")
        #expect(ok["passed"] == true)
        #expect(ok["error"] == .null)
        let entry = try #require(ok["entries"]?[0])
        #expect(entry["response"] == ["status": 200, "version": "HTTP/1.1"])
        #expect(entry["captures"] == [["name": "id", "line": 4, "value": "42"]])
        #expect(entry["asserts"]?[0] == ["line": 2, "expression": "status == 200", "implicit": true, "passed": true,
                                         "expected": "200", "actual": "200", "error": JSONValue.null])
        #expect(report["files"]?[2]?["error"]?["kind"] == "parse")
        #expect(report["files"]?[2]?["error"]?["line"] == 2)
        #expect(report["files"]?[3]?["entries"]?[0]?["error"]?["message"] == "cannot connect to 127.0.0.1: connection refused")
    }

    /// The report is written piece by piece; it must read as the JSON printer prints the whole value.
    @Test func jsonReportIsWhatThePrettyPrinterPrints() throws {
        for run in [try Self.sampleRun(), RunResult(files: [], duration: .zero)] {
            let json = JSONReport.json(run)
            #expect(try JSONValue.parse(json).serialized(style: .pretty) + "\n" == json)
        }
    }
}

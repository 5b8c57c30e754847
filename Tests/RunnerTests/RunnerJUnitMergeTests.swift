import Testing
@testable import Runner

@Suite struct RunnerJUnitMergeTests {
    private func report(_ files: [FileResult], milliseconds: Int) -> String {
        JUnitReport.xml(RunResult(files: files, duration: .milliseconds(milliseconds)))
    }

    @Test func shardReportsMergeIntoTheReportOfTheWholeRun() throws {
        let failing = FileResult(fileName: "b.hurl", entries: [], readError: "cannot read b.hurl")
        let first = report([FileResult(fileName: "a.hurl"), failing], milliseconds: 1200)
        let second = report([FileResult(fileName: "c & d.hurl")], milliseconds: 300)
        let merged = try JUnitMerge.merge([("one.xml", first), ("two.xml", second)])
        #expect(merged == """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites tests="3" errors="1" failures="0" time="1.500">
            <testsuite name="apish" tests="3" errors="1" failures="0" time="1.500">
            <testcase id="a.hurl" name="a.hurl" time="0.000" />
            <testcase id="b.hurl" name="b.hurl" time="0.000">
            <error message="parse error">error: cannot read b.hurl
            </error>
            </testcase>
            <testcase id="c &amp; d.hurl" name="c &amp; d.hurl" time="0.000" />
            </testsuite>
            </testsuites>

            """)
    }

    @Test func suitesOfOtherNamesStayApartAndEmptySuitesCount() throws {
        let other = "<testsuites><testsuite name=\"api &amp; web\" tests=\"2\" failures=\"1\" errors=\"0\" skipped=\"1\" time=\"0.25\"><testcase name=\"x\"/><testcase name=\"y\"><failure/></testcase></testsuite><testsuite name='empty' tests='0'/></testsuites>"
        let merged = try JUnitMerge.merge([("a.xml", report([FileResult(fileName: "a.hurl")], milliseconds: 5)), ("b.xml", other)])
        #expect(merged.contains("<testsuites tests=\"3\" errors=\"0\" failures=\"1\" time=\"0.255\">"))
        #expect(merged.contains("<testsuite name=\"api &amp; web\" tests=\"2\" errors=\"0\" failures=\"1\" skipped=\"1\" time=\"0.250\">\n<testcase name=\"x\"/><testcase name=\"y\"><failure/></testcase>\n</testsuite>"))
        #expect(merged.contains("<testsuite name=\"empty\" tests=\"0\" errors=\"0\" failures=\"0\" time=\"0.000\">\n</testsuite>"))
        #expect(throws: RunFailure.self) { try JUnitMerge.merge([("x.xml", "<html></html>")]) }
        #expect(throws: RunFailure.self) { try JUnitMerge.merge([("x.xml", "<testsuites><testsuite name=\"a\">")]) }
    }
}

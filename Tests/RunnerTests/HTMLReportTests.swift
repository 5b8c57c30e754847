import Foundation
import Testing
@testable import Runner

@Suite struct HTMLReportTests {
    static let date = Date(timeIntervalSince1970: 1_700_000_000)

    static func page() throws -> String {
        HTMLReport.html(try RunnerReportTests.sampleRun(), date: date)
    }

    static func occurrences(of text: String, in page: String) -> Int {
        page.components(separatedBy: text).count - 1
    }

    /// The targets of every `href="…"` in the page.
    static func links(in page: String) -> [String] {
        page.components(separatedBy: "href=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }

    @Test func theSummaryComesFirst() throws {
        let page = try Self.page()
        let header = try #require(page.components(separatedBy: "</header>").first)
        #expect(header.contains("<title>apish run: 1 passed, 3 failed</title>"))
        #expect(header.contains("<tr><th>Files</th><td>4</td></tr>"))
        #expect(header.contains("<tr><th>Entries</th><td>3</td></tr>"))
        #expect(header.contains("<tr><th>Failed</th><td class=\"fail\">3</td></tr>"))
        #expect(header.contains("<tr><th>Duration</th><td>1234 ms</td></tr>"))
        #expect(header.contains("<tr><th>Date</th><td>2023-11-14 22:13:20Z</td></tr>"))
    }

    @Test func everyFailureIsOneClickFromTheTop() throws {
        let page = try Self.page()
        let header = try #require(page.components(separatedBy: "</header>").first)
        let links = Self.links(in: header)
        #expect(links == ["#file-2", "#file-2-entry-1", "#file-3", "#file-4", "#file-4-entry-1"])
        for link in links {
            #expect(Self.occurrences(of: "id=\"\(link.dropFirst())\"", in: page) == 1, "\(link) has one target")
        }
        #expect(header.contains("<a href=\"#file-2\">bad &lt;1&gt;.hurl</a> — assert failure"))
        #expect(header.contains("(line 1): cannot connect to 127.0.0.1: connection refused"))
        let passing = RunResult(files: [try RunnerReportTests.sampleRun().files[0]], duration: .zero)
        let allPassed = HTMLReport.html(passing, date: Self.date)
        #expect(allPassed.contains("<p class=\"pass\">Every file passed.</p>"))
        #expect(Self.links(in: allPassed).isEmpty)
    }

    @Test func aFailedAssertShowsActualAgainstExpected() throws {
        let page = try Self.page()
        #expect(page.contains("<tr class=\"fail\"><td>4</td><td><code>status == 200</code></td><td><code>404</code></td><td><code>200</code></td><td>fail</td></tr>"))
        #expect(page.contains("<tr class=\"pass\"><td>2</td><td><code>status == 200</code></td><td><code>200</code></td><td><code>200</code></td><td>pass</td></tr>"))
        #expect(page.contains("<tr><td>4</td><td><code>id</code></td><td><code>42</code></td></tr>"), "the capture is listed")
        #expect(page.contains("<p class=\"meta\">Entry 1, line 3 · HTTP/1.1 404 · 5 ms · 0 retries</p>"))
        #expect(page.contains("<p class=\"error\">Parse error at line 2, column 6: "))
        #expect(page.contains("<p class=\"error\">Error, line 1: cannot connect to 127.0.0.1: connection refused</p>"))
    }

    @Test func everythingFromTheRunIsEscaped() throws {
        let hostile = "<script>alert('x')</script>"
        let file = FileResult(fileName: "\(hostile).hurl", entries: [
            EntryResult(fileName: "\(hostile).hurl", index: 1, line: 1, method: "GET", url: "http://127.0.0.1/\(hostile)?a=1&b=\"2\"",
                        response: ResponseSummary(version: "HTTP/1.1", status: 200), duration: .zero,
                        captures: [CaptureResult(name: "token", line: 5, value: hostile)],
                        asserts: [AssertResult(line: 3, expression: "body contains \"\(hostile)\"", expected: "\"\(hostile)\"",
                                               actual: "\"<b>\"", passed: false, error: hostile)],
                        skipped: false, retries: 2),
        ], duration: .zero)
        let page = HTMLReport.html(RunResult(files: [file], duration: .zero), date: Self.date)
        #expect(!page.contains("<script"))
        #expect(!page.contains("<b>"))
        #expect(page.contains("http://127.0.0.1/&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt;?a=1&amp;b=&quot;2&quot;"))
        #expect(page.contains("<td><code>&quot;&lt;b&gt;&quot;</code></td>"))
        #expect(page.contains("· 2 retries</p>"))
    }

    @Test func thePageStandsAlone() throws {
        let page = try Self.page()
        #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">\n"))
        #expect(page.hasSuffix("</body>\n</html>\n"))
        for element in ["html", "head", "body", "header", "main", "nav", "section", "article", "table", "tr", "ul", "li", "a", "code", "pre", "style"] {
            #expect(Self.occurrences(of: "<\(element)>", in: page) + Self.occurrences(of: "<\(element) ", in: page)
                    == Self.occurrences(of: "</\(element)>", in: page), "<\(element)> is balanced")
        }
        for resource in ["<script", "<link", "<img", "<iframe", "src=", "url(", "@import"] {
            #expect(!page.contains(resource), "\(resource) would load something")
        }
        #expect(Self.links(in: page).allSatisfy { $0.hasPrefix("#") }, "links stay on the page")
    }
}

import Foundation
import Testing
import TestSupport

/// `apish run --report-html DIR`: one page for the run, written by the built binary.
@Suite(.serialized) final class RunHTMLReportTests {
    let httpbin: PeerServer
    let folder: URL

    init() throws {
        httpbin = try PeerServer.httpbin()
        folder = try PackagePaths.temporaryFolder("apish-run-html")
        try "GET {{base}}/get\nHTTP 200\n".write(to: folder.appendingPathComponent("ok.hurl"), atomically: true, encoding: .utf8)
        try "GET {{base}}/get?name=Alan&token={{token}}\nHTTP 200\n[Asserts]\njsonpath \"$.args.name\" == \"Ada\"\n"
            .write(to: folder.appendingPathComponent("names.hurl"), atomically: true, encoding: .utf8)
    }

    deinit {
        httpbin.stop()
        try? FileManager.default.removeItem(at: folder)
    }

    @Test func thePageNamesEachFileAndTheFailedAssert() throws {
        let binary = PackagePaths.apishBinary
        guard FileManager.default.isExecutableFile(atPath: binary.path) else { throw MissingBinary(path: binary.path) }
        let result = try Command.apish(["run", "ok.hurl", "names.hurl", "--variable", "base=\(httpbin.baseURL)",
                                        "--secret", "token=s3cr3t-value", "--report-html", "reports/html"], currentDirectory: folder)
        #expect(result.status == 4, "\(result.stderr)")
        let page = try String(contentsOf: folder.appendingPathComponent("reports/html/index.html"), encoding: .utf8)
        #expect(page.contains("<title>apish run: 1 passed, 1 failed</title>"))
        #expect(page.contains("<a href=\"#file-2\">names.hurl</a> — assert failure"), "the failure is linked from the top")
        #expect(page.contains("ok.hurl"))
        #expect(page.contains("<td><code>jsonpath &quot;$.args.name&quot; == &quot;Ada&quot;</code></td>"
                              + "<td><code>&quot;Alan&quot;</code></td><td><code>&quot;Ada&quot;</code></td><td>fail</td>"), "\(page)")
        #expect(page.contains("name=Alan&amp;token=••••••"), "the URL is shown masked")
        #expect(!page.contains("s3cr3t-value"))
    }
}

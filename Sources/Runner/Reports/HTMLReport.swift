import Foundation
import HTTPExchange

/// One self-contained HTML page for a run, to be read in a browser or printed: a summary, links to
/// every failure, then each file with its entries, asserts (actual against expected) and captures.
/// The page loads nothing (its CSS is inline, it has no script) and holds only what the JSON report
/// holds, so secrets are masked as there; every text from the run is escaped.
public enum HTMLReport {
    public static func html(_ run: RunResult, date: Date) -> String {
        var html = ""
        write(run, date: date, to: &html)
        return html
    }

    /// Writes the page a file at a time and an entry at a time, never holding it whole: a long run's
    /// entries are read back from where the runner keeps them.
    public static func write(_ run: RunResult, date: Date, to html: inout some TextOutputStream) {
        let entryCount = run.files.reduce(0) { $0 + $1.entries.count }
        let title = "apish run: \(run.passedCount) passed, \(run.failedCount) failed"
        html.write("""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(title)</title>
            <style>\(style)</style>
            </head>
            <body>
            <header>
            <h1>\(title)</h1>
            <table class="summary">
            <tr><th>Files</th><td>\(run.files.count)</td></tr>
            <tr><th>Entries</th><td>\(entryCount)</td></tr>
            <tr><th>Passed</th><td class="pass">\(run.passedCount)</td></tr>
            <tr><th>Failed</th><td class="\(run.failedCount > 0 ? "fail" : "pass")">\(run.failedCount)</td></tr>
            <tr><th>Duration</th><td>\(run.duration.milliseconds) ms</td></tr>
            <tr><th>Date</th><td>\(date.formatted(Date.ISO8601FormatStyle(dateTimeSeparator: .space, timeZone: .gmt)))</td></tr>
            </table>

            """)
        html.write(failureLinks(run))
        html.write("</header>\n<main>\n")
        for (position, file) in run.files.enumerated() {
            writeSection(file, position: position, to: &html)
        }
        html.write("</main>\n</body>\n</html>\n")
    }

    /// Anchors are positions, not names: a file can run more than once (`--repeat`, data rows).
    private static func fileAnchor(_ position: Int) -> String { "file-\(position + 1)" }

    private static func entryAnchor(_ filePosition: Int, _ entry: EntryResult) -> String {
        "\(fileAnchor(filePosition))-entry-\(entry.index)"
    }

    private static func failureLinks(_ run: RunResult) -> String {
        guard run.failedCount > 0 else { return "<p class=\"pass\">Every file passed.</p>\n" }
        var html = "<nav class=\"failures\">\n<h2>Failures</h2>\n<ul>\n"
        for (position, file) in run.files.enumerated() where !file.passed {
            html += "<li><a href=\"#\(fileAnchor(position))\">\(MarkupEscaping.escape(file.fileName))</a> — \(outcome(file))"
            let failedEntries = file.entries.filter { !$0.passed }
            if !failedEntries.isEmpty {
                html += "\n<ul>\n"
                for entry in failedEntries {
                    html += "<li><a href=\"#\(entryAnchor(position, entry))\"><code>\(MarkupEscaping.escape(entry.method)) \(MarkupEscaping.escape(entry.url))</code></a>"
                        + " (line \(entry.line)): \(MarkupEscaping.escape(entry.failure?.message ?? failedAssertsText(entry)))</li>\n"
                }
                html += "</ul>\n"
            }
            html += "</li>\n"
        }
        return html + "</ul>\n</nav>\n"
    }

    private static func outcome(_ file: FileResult) -> String {
        switch file.exitCode {
        case .success, .usage: "passed"
        case .parseError: file.readError == nil ? "parse error" : "read error"
        case .runtimeError: "runtime error"
        case .assertFailure: "assert failure"
        }
    }

    private static func failedAssertsText(_ entry: EntryResult) -> String {
        let count = entry.asserts.filter { !$0.passed }.count
        return count == 1 ? "1 failed assert" : "\(count) failed asserts"
    }

    private static func writeSection(_ file: FileResult, position: Int, to output: inout some TextOutputStream) {
        var html = "<section class=\"file \(file.passed ? "pass" : "fail")\" id=\"\(fileAnchor(position))\">\n"
        html += "<h2>\(badge(file.passed)) \(MarkupEscaping.escape(file.fileName)) <span class=\"meta\">\(file.duration.milliseconds) ms</span></h2>\n"
        if let parseError = file.parseError {
            html += "<p class=\"error\">Parse error at line \(parseError.line), column \(parseError.column): \(MarkupEscaping.escape(parseError.message))</p>\n"
            html += "<pre>\(MarkupEscaping.escape(parseError.rendered))</pre>\n"
        }
        if let readError = file.readError {
            html += "<p class=\"error\">\(MarkupEscaping.escape(readError))</p>\n"
        }
        if !file.warnings.isEmpty {
            html += "<ul class=\"warnings\">\n"
            for warning in file.warnings {
                html += "<li>Warning, line \(warning.line), column \(warning.column): \(MarkupEscaping.escape(warning.message))</li>\n"
            }
            html += "</ul>\n"
        }
        output.write(html)
        for entry in file.entries {
            output.write(article(entry, id: entryAnchor(position, entry)))
        }
        output.write("</section>\n")
    }

    private static func article(_ entry: EntryResult, id: String) -> String {
        let status = entry.skipped ? "skipped" : entry.response.map { "\(MarkupEscaping.escape($0.version)) \($0.status)" } ?? "no response"
        var html = "<article class=\"entry \(entry.passed ? "pass" : "fail")\" id=\"\(id)\">\n"
        html += "<h3>\(badge(entry.passed)) <code>\(MarkupEscaping.escape(entry.method)) \(MarkupEscaping.escape(entry.url))</code></h3>\n"
        html += "<p class=\"meta\">Entry \(entry.index), line \(entry.line) · \(status) · \(entry.duration.milliseconds) ms"
            + " · \(entry.retries == 1 ? "1 retry" : "\(entry.retries) retries")</p>\n"
        if let failure = entry.failure {
            html += "<p class=\"error\">Error, line \(failure.line ?? entry.line): \(MarkupEscaping.escape(failure.message))</p>\n"
        }
        if !entry.asserts.isEmpty {
            html += "<table class=\"asserts\">\n<tr><th>Line</th><th>Assert</th><th>Actual</th><th>Expected</th><th>Result</th></tr>\n"
            for assert in entry.asserts {
                html += "<tr class=\"\(assert.passed ? "pass" : "fail")\"><td>\(assert.line)</td><td><code>\(MarkupEscaping.escape(assert.expression))</code>"
                if let error = assert.error { html += "<div class=\"error\">\(MarkupEscaping.escape(error))</div>" }
                html += "</td><td><code>\(MarkupEscaping.escape(assert.actual))</code></td><td><code>\(MarkupEscaping.escape(assert.expected))</code></td>"
                html += "<td>\(assert.passed ? "pass" : "fail")</td></tr>\n"
            }
            html += "</table>\n"
        }
        if !entry.captures.isEmpty {
            html += "<table class=\"captures\">\n<tr><th>Line</th><th>Capture</th><th>Value</th></tr>\n"
            for capture in entry.captures {
                html += "<tr><td>\(capture.line)</td><td><code>\(MarkupEscaping.escape(capture.name))</code></td><td><code>\(MarkupEscaping.escape(capture.value))</code></td></tr>\n"
            }
            html += "</table>\n"
        }
        return html + "</article>\n"
    }

    private static func badge(_ passed: Bool) -> String {
        passed ? "<span class=\"badge pass\">PASS</span>" : "<span class=\"badge fail\">FAIL</span>"
    }

    /// XML's escaping is HTML's too; it also drops the control characters a page cannot show.

    private static let style = """

        body { font-family: system-ui, sans-serif; color: #222; background: #fff; margin: 2em auto; max-width: 72em; padding: 0 1em; line-height: 1.4; }
        code, pre { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 0.9em; white-space: pre-wrap; overflow-wrap: anywhere; }
        pre { background: #f6f6f6; border: 1px solid #ddd; padding: 0.5em; }
        h1 { font-size: 1.5em; } h2 { font-size: 1.2em; margin: 0 0 0.5em; } h3 { font-size: 1em; margin: 0 0 0.3em; }
        table { border-collapse: collapse; margin: 0.5em 0; }
        th, td { border: 1px solid #ddd; padding: 0.2em 0.5em; text-align: left; vertical-align: top; }
        th { background: #f6f6f6; }
        table.asserts, table.captures { width: 100%; }
        .pass { background: #eaf6ec; } .fail { background: #fdecea; }
        td.pass, p.pass { color: #1e6b30; } td.fail, .error { color: #a4262c; }
        .badge { font-size: 0.8em; font-weight: bold; padding: 0.1em 0.4em; border: 1px solid; border-radius: 3px; }
        .badge.pass { color: #1e6b30; } .badge.fail { color: #a4262c; }
        .meta { color: #666; font-size: 0.9em; font-weight: normal; }
        nav.failures { border: 1px solid #e8b4b0; background: #fdf6f5; padding: 0.5em 1em; }
        section.file { border: 1px solid #ddd; border-radius: 4px; padding: 0.8em; margin: 1em 0; background: #fff; }
        article.entry { border-left: 4px solid #9ccfa6; padding: 0.3em 0.8em; margin: 0.8em 0; background: #fff; }
        article.entry.fail { border-left-color: #e8a09a; }
        ul.warnings { color: #8a5a00; }
        a { color: #1a56a8; }
        @media print {
          body { margin: 0; max-width: none; }
          * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          a { color: inherit; text-decoration: none; }
          article.entry, tr { break-inside: avoid; }
        }

        """
}

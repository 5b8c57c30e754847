/// What a person reads on the terminal: failures rendered like Hurl's errors, and a summary whose
/// last line is exactly `N passed, M failed` (counting files).
public enum TextReport {
    /// One block per failure of the file (parse error, runtime failure, failed assert), or "".
    public static func failures(_ file: FileResult) -> String {
        if let parseError = file.parseError { return parseError.rendered + "\n" }
        if let readError = file.readError { return "error: \(readError)\n" }
        // A file that passed has nothing to show; its entries need not be read back.
        guard !file.passed else { return "" }
        var blocks: [String] = []
        for entry in file.entries {
            if let failure = entry.failure {
                blocks.append(block(title: "error: \(failure.message)", file: file.fileName, line: failure.line ?? entry.line,
                                    source: failure.line == nil || failure.line == entry.line ? "\(entry.method) \(entry.url)" : nil,
                                    details: []))
            }
            for assert in entry.asserts where !assert.passed {
                var details = assert.error.map { ["error:    \($0)"] } ?? []
                details += ["actual:   \(assert.actual)", "expected: \(assert.expected)"]
                blocks.append(block(title: "error: assert failure", file: file.fileName, line: assert.line,
                                    source: assert.expression, details: details))
            }
        }
        return blocks.joined()
    }

    private static func block(title: String, file: String, line: Int, source: String?, details: [String]) -> String {
        let number = String(line)
        let gutter = String(repeating: " ", count: number.count)
        var text = "\(title)\n\(gutter)--> \(file):\(line)\n\(gutter) |\n"
        if let source { text += "\(number) | \(source)\n" }
        for detail in details { text += "\(gutter) |   \(detail)\n" }
        return text + "\(gutter) |\n\n"
    }

    /// The end-of-run summary, as Hurl's `--test` summary, then `N passed, M failed`.
    public static func summary(_ run: RunResult) -> String {
        let files = run.files.count
        let requests = run.files.reduce(0) { $0 + $1.entries.responseCount }
        func percent(_ count: Int) -> String {
            guard files > 0 else { return "0.0%" }
            let tenths = (count * 1000 + files / 2) / files
            return "\(tenths / 10).\(tenths % 10)%"
        }
        return """
        \(String(repeating: "-", count: 80))
        Executed files:    \(files)
        Executed requests: \(requests)
        Succeeded files:   \(run.passedCount) (\(percent(run.passedCount)))
        Failed files:      \(run.failedCount) (\(percent(run.failedCount)))
        Duration:          \(run.duration.milliseconds) ms

        \(run.passedCount) passed, \(run.failedCount) failed

        """
    }

    /// One line per file as it finishes: `path: Success (2 request(s) in 41 ms)` or `path: Failure`.
    public static func progressLine(_ file: FileResult) -> String {
        let requests = file.entries.responseCount
        return "\(file.fileName): \(file.passed ? "Success" : "Failure") (\(requests) request(s) in \(file.duration.milliseconds) ms)"
    }
}

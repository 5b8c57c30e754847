import HTTPExchange
/// A JUnit XML report as Hurl writes it: one test case per file; assert failures are `<failure>`,
/// parse and runtime failures `<error>`.
public enum JUnitReport {
    public static func xml(_ run: RunResult) -> String {
        var xml = ""
        write(run, to: &xml)
        return xml
    }

    public static func write(_ run: RunResult, to xml: inout some TextOutputStream) {
        let errors = run.files.filter { $0.exitCode == .parseError || $0.exitCode == .runtimeError }.count
        let failures = run.files.filter { $0.exitCode == .assertFailure }.count
        xml.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n")
        xml.write("<testsuite name=\"apish\" tests=\"\(run.files.count)\" errors=\"\(errors)\" failures=\"\(failures)\" time=\"\(run.duration.secondsText)\">\n")
        for file in run.files {
            let name = MarkupEscaping.escape(file.fileName)
            let opening = "<testcase id=\"\(name)\" name=\"\(name)\" time=\"\(file.duration.secondsText)\""
            switch file.exitCode {
            case .success, .usage:
                xml.write(opening + " />\n")
            case .assertFailure:
                xml.write(opening + ">\n<failure message=\"assert failure\">\(MarkupEscaping.escape(TextReport.failures(file)))</failure>\n</testcase>\n")
            case .parseError, .runtimeError:
                xml.write(opening + ">\n<error message=\"\(file.exitCode == .parseError ? "parse error" : "runtime error")\">\(MarkupEscaping.escape(TextReport.failures(file)))</error>\n</testcase>\n")
            }
        }
        xml.write("</testsuite>\n</testsuites>\n")
    }

}

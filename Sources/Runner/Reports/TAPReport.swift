/// A TAP version 13 report as Hurl writes it: one test point per file.
public enum TAPReport {
    public static func text(_ run: RunResult) -> String {
        var text = ""
        write(run, to: &text)
        return text
    }

    public static func write(_ run: RunResult, to text: inout some TextOutputStream) {
        text.write("TAP version 13\n1..\(run.files.count)\n")
        for (index, file) in run.files.enumerated() {
            text.write("\(file.passed ? "ok" : "not ok") \(index + 1) - \(file.fileName)\n")
        }
    }
}

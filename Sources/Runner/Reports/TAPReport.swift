/// A TAP version 13 report as Hurl writes it: one test point per file.
public enum TAPReport {
    public static func text(_ run: RunResult) -> String {
        var text = "TAP version 13\n1..\(run.files.count)\n"
        for (index, file) in run.files.enumerated() {
            text += "\(file.passed ? "ok" : "not ok") \(index + 1) - \(file.fileName)\n"
        }
        return text
    }
}

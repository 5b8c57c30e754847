import Hurl

/// What happened to one Hurl file.
public struct FileResult: Sendable {
    public var fileName: String
    public var entries: EntryResults
    public var duration: Duration
    /// Set when the file could not be read or parsed; then no entry ran.
    public var parseError: HurlParseError?
    /// Set when the file could not be read.
    public var readError: String?
    public var warnings: [HurlParseWarning]

    public init(fileName: String, entries: EntryResults = [], duration: Duration = .zero, parseError: HurlParseError? = nil,
                readError: String? = nil, warnings: [HurlParseWarning] = []) {
        self.fileName = fileName
        self.entries = entries
        self.duration = duration
        self.parseError = parseError
        self.readError = readError
        self.warnings = warnings
    }

    public var passed: Bool { parseError == nil && readError == nil && entries.passed }

    /// The exit code this file alone would give, as Hurl's: 0, 2 (parse), 3 (runtime), 4 (assert).
    public var exitCode: RunExitCode {
        if parseError != nil || readError != nil { return .parseError }
        if entries.runtimeFailureCount > 0 { return .runtimeError }
        if !passed { return .assertFailure }
        return .success
    }
}

/// Exit codes, as Hurl's.
public enum RunExitCode: Int32, Sendable {
    case success = 0
    case usage = 1
    case parseError = 2
    case runtimeError = 3
    case assertFailure = 4
}

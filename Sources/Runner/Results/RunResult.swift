/// Every file of a run, in the order they were given.
public struct RunResult: Sendable {
    public var files: [FileResult]
    public var duration: Duration

    public init(files: [FileResult], duration: Duration) {
        self.files = files
        self.duration = duration
    }

    public var passedCount: Int { files.filter(\.passed).count }
    public var failedCount: Int { files.count - passedCount }

    /// The most serious outcome: a parse error before a runtime error before an assert failure.
    public var exitCode: RunExitCode {
        let codes = Set(files.map(\.exitCode))
        for code in [RunExitCode.parseError, .runtimeError, .assertFailure] where codes.contains(code) { return code }
        return .success
    }
}

import HTTPExchange

/// What happened to one entry.
public struct EntryResult: Sendable {
    public var fileName: String
    /// 1-based position in its file.
    public var index: Int
    /// The line of its request line.
    public var line: Int
    public var method: String
    /// The URL as sent, secrets masked; the template as written when the request could not be built.
    public var url: String
    /// The request as sent (not masked: for programmatic use, never written to reports).
    public var request: HTTPRequest?
    public var response: HTTPResponse?
    public var duration: Duration
    public var captures: [CaptureResult]
    public var asserts: [AssertResult]
    /// Why the entry stopped (unknown variable, unreachable server, failed capture…).
    public var failure: RunFailure?
    /// `[Options] skip: true`.
    public var skipped: Bool
    /// Attempts beyond the first (`[Options] retry`).
    public var retries: Int

    public var passed: Bool { failure == nil && asserts.allSatisfy(\.passed) }
}

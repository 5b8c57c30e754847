import HTTPExchange

/// What happened to one entry.
public struct EntryResult: Sendable, Equatable {
    public var fileName: String
    /// 1-based position in its file.
    public var index: Int
    /// The line of its request line.
    public var line: Int
    public var method: String
    /// The URL as sent, secrets masked; the template as written when the request could not be built.
    public var url: String
    /// What the reports show of the response; its headers and body are let go once the entry's
    /// captures and asserts ran, so a run's memory does not grow with what the servers sent.
    public var response: ResponseSummary?
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

public struct ResponseSummary: Sendable, Equatable {
    public var version: String
    public var status: Int

    public init(version: String, status: Int) {
        self.version = version
        self.status = status
    }

    public init(_ response: HTTPResponse) {
        self.init(version: response.version, status: response.status)
    }
}

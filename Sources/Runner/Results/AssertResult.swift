/// One check on a response: an explicit `[Asserts]` line, or an implicit one from the response
/// spec (`HTTP 200` checks the status, a header line checks that header, a body checks the body).
public struct AssertResult: Sendable, Equatable {
    public var line: Int
    /// The assert as written, e.g. `jsonpath "$.id" == 42`, or `status == 200` for implicit ones.
    public var expression: String
    public var expected: String
    public var actual: String
    public var passed: Bool
    /// Why it could not be evaluated (a filter on the wrong type, an invalid regex…), if so.
    public var error: String?
    public var isImplicit: Bool

    public init(line: Int, expression: String, expected: String, actual: String, passed: Bool, error: String? = nil, isImplicit: Bool = false) {
        self.line = line
        self.expression = expression
        self.expected = expected
        self.actual = actual
        self.passed = passed
        self.error = error
        self.isImplicit = isImplicit
    }
}

/// A value stored from a response into a variable.
public struct CaptureResult: Sendable, Equatable {
    public var name: String
    public var line: Int
    /// As reports show it; masked when the capture is `redact`ed or holds a secret.
    public var value: String
}

/// Why a query, filter or predicate could not be evaluated: the assert or capture fails with it.
public struct EvaluationError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }

    static func wrapping<T>(_ body: () throws(RunFailure) -> T) throws(EvaluationError) -> T {
        do {
            return try body()
        } catch {
            throw EvaluationError(error.message)
        }
    }
}

/// A failure that stops an entry: an unknown variable, an unreachable server, a failed capture.
public struct RunFailure: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    /// The line it happened on, when known.
    public var line: Int?

    public init(_ message: String, line: Int? = nil) {
        self.message = message
        self.line = line
    }

    public var description: String { message }
}

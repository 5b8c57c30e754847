/// A schema that cannot be used: a `$ref` that names nothing, a pattern that does not compile,
/// a pointer that designates no schema, an unknown `$schema` dialect.
public struct SchemaError: Error, Sendable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}

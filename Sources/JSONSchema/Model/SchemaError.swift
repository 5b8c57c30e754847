/// A schema that cannot be used: a `$ref` that names nothing, a pattern that does not compile,
/// a pointer that designates no schema, an unknown `$schema` dialect.
public struct SchemaError: Error, Sendable, CustomStringConvertible {
    public let message: String
    /// The absolute URI (without fragment) of a document a `$ref` names that is neither the schema's own
    /// nor in `documents`: a caller that can fetch it adds it to `documents` and tries again.
    public let missingDocument: String?

    public init(_ message: String, missingDocument: String? = nil) {
        self.message = message
        self.missingDocument = missingDocument
    }

    public var description: String { message }
}

/// One way an instance fails its schema: where in the instance, which keyword, and why.
public struct SchemaViolation: Sendable, Equatable, CustomStringConvertible {
    /// JSON Pointer into the instance, "" for the root.
    public let instancePath: String
    /// The schema keyword that failed (`required`, `type`, `$ref` for a reference loop, `false` for a false schema).
    public let keyword: String
    public let message: String

    public init(instancePath: String, keyword: String, message: String) {
        self.instancePath = instancePath
        self.keyword = keyword
        self.message = message
    }

    public var description: String { "\(instancePath.isEmpty ? "/" : instancePath): \(keyword): \(message)" }
}

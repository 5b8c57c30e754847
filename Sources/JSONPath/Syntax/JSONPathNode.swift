import JSON

/// One selected value and where it is: a normalized path such as `$['contacts'][0]`.
public struct JSONPathNode: Sendable, Hashable {
    public let path: String
    public let value: JSONValue

    public init(path: String, value: JSONValue) {
        self.path = path
        self.value = value
    }
}

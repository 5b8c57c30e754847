import JSON

/// The declared types of function parameters and results (RFC 9535 §2.4.1).
enum FunctionType: Sendable {
    case value, logical, nodes
}

/// An argument or result of a function, after conversion to the declared parameter type.
/// `.value(nil)` is the special result Nothing.
enum FunctionValue {
    case value(JSONValue?)
    case logical(Bool)
    case nodes([JSONValue])
}

/// A function extension usable in filters. Adding one is a file with its definition and a line in `all`.
struct FilterFunction: Sendable {
    let name: String
    let parameters: [FunctionType]
    let result: FunctionType
    let evaluate: @Sendable ([FunctionValue], RegexCache) -> FunctionValue

    static let all: [String: FilterFunction] = Dictionary(
        uniqueKeysWithValues: [length, count, match, search, value].map { ($0.name, $0) }
    )
}

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

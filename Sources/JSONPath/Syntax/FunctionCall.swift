import JSON

/// A call of a filter function with arguments already checked against its parameter types.
struct FunctionCall: Sendable {
    var function: FilterFunction
    var arguments: [FunctionArgument]
}

enum FunctionArgument: Sendable {
    case literal(JSONValue)
    case query(FilterQuery)
    case logical(LogicalExpression)
    case function(FunctionCall)
}

import JSON

/// One side of a comparison: a literal, a singular query, or a function of ValueType.
enum ComparableExpression: Sendable {
    case literal(JSONValue)
    case query(FilterQuery)
    case function(FunctionCall)
}

import JSON

/// A filter's condition (RFC 9535 §2.3.5).
indirect enum LogicalExpression: Sendable {
    case or([LogicalExpression])
    case and([LogicalExpression])
    case not(LogicalExpression)
    case comparison(ComparableExpression, ComparisonOperator, ComparableExpression)
    /// A query used as a test: true when it selects at least one node.
    case exists(FilterQuery)
    /// A function of LogicalType or NodesType used as a test.
    case function(FunctionCall)
}

enum ComparisonOperator: String, Sendable {
    case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
}

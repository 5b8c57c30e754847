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

/// One side of a comparison: a literal, a singular query, or a function of ValueType.
enum ComparableExpression: Sendable {
    case literal(JSONValue)
    case query(FilterQuery)
    case function(FunctionCall)
}

/// `@...` (relative to the current node) or `$...` (from the root) inside a filter.
struct FilterQuery: Sendable {
    var isRelative: Bool
    var segments: [Segment]

    /// At most one node whatever the document: only single names and indices, no descendants.
    var isSingular: Bool {
        segments.allSatisfy { segment in
            guard !segment.isDescendant, segment.selectors.count == 1 else { return false }
            switch segment.selectors[0] {
            case .name, .index: return true
            default: return false
            }
        }
    }
}

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

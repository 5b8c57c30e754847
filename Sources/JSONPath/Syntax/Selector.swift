import JSON

/// What a segment picks from each node (RFC 9535 §2.3).
enum Selector: Sendable {
    case name(String)
    case wildcard
    case index(Int)
    case slice(start: Int?, end: Int?, step: Int?)
    case filter(LogicalExpression)
    /// Shell shorthand `.12`: member "12" of an object, element 12 of an array.
    case nameOrIndex(String, Int)
}

import Hurl

/// `==` and `!=`.
enum EqualityPredicates {
    static func evaluate(_ function: HurlPredicateFunction, _ actual: RunValue, _ expected: RunValue) -> Bool {
        let equal = actual.isEqual(to: expected)
        return function == .equal ? equal : !equal
    }

    /// The expectation for a predicate that takes a value, as reports show it.
    static func describe(_ function: HurlPredicateFunction, _ expected: RunValue) -> String {
        switch function {
        case .equal: expected.display
        case .notEqual: "not equal to \(expected.display)"
        case .greater: "greater than \(expected.display)"
        case .greaterOrEqual: "greater than or equal to \(expected.display)"
        case .less: "less than \(expected.display)"
        case .lessOrEqual: "less than or equal to \(expected.display)"
        case .matches: "matches \(expected.display)"
        default: "\(function.rawValue) \(expected.display)"
        }
    }
}

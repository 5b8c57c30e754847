import Hurl

/// `>`, `>=`, `<`, `<=` over numbers, strings or dates.
enum OrderingPredicates {
    static func evaluate(_ function: HurlPredicateFunction, _ actual: RunValue, _ expected: RunValue) throws(EvaluationError) -> Bool {
        guard let less = actual.isLess(than: expected) else {
            throw EvaluationError("cannot compare \(actual.kindName) \(actual.display) with \(expected.kindName) \(expected.display)")
        }
        let equal = actual.isEqual(to: expected)
        switch function {
        case .greater: return !less && !equal
        case .greaterOrEqual: return !less
        case .less: return less
        default: return less || equal
        }
    }
}

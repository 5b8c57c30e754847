/// `includes VALUE`: a list has an item equal to the value.
enum IncludesPredicate {
    static func evaluate(_ actual: RunValue, _ expected: RunValue) throws(EvaluationError) -> Bool {
        guard case .list(let items) = actual else { throw EvaluationError("includes needs a list, got \(actual.kindName)") }
        return items.contains { $0.isEqual(to: expected) }
    }
}

/// `first`: the first item of a list.
enum FirstFilter: RunFilter {
    static func apply(to input: RunValue, _ arguments: FilterArguments) throws(EvaluationError) -> RunValue? {
        guard case .list(let items) = input else { throw arguments.mismatch(input, expected: "a list") }
        guard let first = items.first else { throw EvaluationError("\(arguments.filterText): the list is empty") }
        return first
    }
}

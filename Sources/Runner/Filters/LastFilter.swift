/// `last`: the last item of a list.
enum LastFilter: RunFilter {
    static func apply(to input: RunValue, _ arguments: FilterArguments) throws(EvaluationError) -> RunValue? {
        guard case .list(let items) = input else { throw arguments.mismatch(input, expected: "a list") }
        guard let last = items.last else { throw EvaluationError("\(arguments.filterText): the list is empty") }
        return last
    }
}

/// `nth N`: the item at N of a list; a negative N counts from the end.
enum NthFilter: RunFilter {
    static func apply(to input: RunValue, _ arguments: FilterArguments) throws(EvaluationError) -> RunValue? {
        guard case .list(let items) = input else { throw arguments.mismatch(input, expected: "a list") }
        let requested = arguments.integer(0)
        let index = requested < 0 ? items.count + requested : requested
        guard items.indices.contains(index) else {
            throw EvaluationError("\(arguments.filterText): index \(requested) is out of bounds for a list of \(items.count)")
        }
        return items[index]
    }
}

/// `split "SEP"`: text cut at every separator, into a list of strings.
enum SplitFilter: RunFilter {
    static func apply(to input: RunValue, _ arguments: FilterArguments) throws(EvaluationError) -> RunValue? {
        guard case .string(let text) = input else { throw arguments.mismatch(input, expected: "a string") }
        let separator = try arguments.string(0)
        guard !separator.isEmpty else { throw EvaluationError("\(arguments.filterText): the separator is empty") }
        return .list(text.split(separator: separator, omittingEmptySubsequences: false).map { .string(String($0)) })
    }
}

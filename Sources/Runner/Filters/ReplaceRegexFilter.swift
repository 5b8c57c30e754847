/// `replaceRegex PATTERN "NEW"`: every match of the pattern replaced.
enum ReplaceRegexFilter: RunFilter {
    static func apply(to input: RunValue, _ arguments: FilterArguments) throws(EvaluationError) -> RunValue? {
        guard case .string(let text) = input else { throw arguments.mismatch(input, expected: "a string") }
        return .string(text.replacing(try arguments.regex(0), with: try arguments.string(1)))
    }
}

/// `regex "PATTERN"` or `regex /PATTERN/`: the first capture group of the first match (no value
/// when nothing matches).
enum RegexFilter: RunFilter {
    static func apply(to input: RunValue, _ arguments: FilterArguments) throws(EvaluationError) -> RunValue? {
        guard case .string(let text) = input else { throw arguments.mismatch(input, expected: "a string") }
        return RegexSupport.firstCapture(try arguments.regex(0), in: text).map(RunValue.string)
    }
}

/// `replace "OLD" "NEW"`: every occurrence of the text OLD replaced. Older Hurl files give a
/// `/regex/` as OLD; that is replaced as a regex.
enum ReplaceFilter: RunFilter {
    static func apply(to input: RunValue, _ arguments: FilterArguments) throws(EvaluationError) -> RunValue? {
        guard case .string(let text) = input else { throw arguments.mismatch(input, expected: "a string") }
        let replacement = try arguments.string(1)
        if arguments.isRegexLiteral(0) {
            return .string(text.replacing(try arguments.regex(0), with: replacement))
        }
        let old = try arguments.string(0)
        guard !old.isEmpty else { return .string(text) }
        return .string(text.replacing(old, with: replacement))
    }
}

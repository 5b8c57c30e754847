/// `utf8Encode`: text to its UTF-8 bytes.
enum UTF8EncodeFilter: RunFilter {
    static func apply(to input: RunValue, _ arguments: FilterArguments) throws(EvaluationError) -> RunValue? {
        guard case .string(let text) = input else { throw arguments.mismatch(input, expected: "a string") }
        return .bytes(Array(text.utf8))
    }
}

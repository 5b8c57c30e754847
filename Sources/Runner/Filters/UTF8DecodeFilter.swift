/// `utf8Decode`: UTF-8 bytes to text.
enum UTF8DecodeFilter: RunFilter {
    static func apply(to input: RunValue, _ arguments: FilterArguments) throws(EvaluationError) -> RunValue? {
        guard case .bytes(let bytes) = input else { throw arguments.mismatch(input, expected: "bytes") }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw EvaluationError("\(arguments.filterText): the bytes are not valid UTF-8")
        }
        return .string(text)
    }
}

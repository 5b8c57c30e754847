import HTTPExchange

/// `toHex`: bytes as lower-case hex digits.
enum ToHexFilter: RunFilter {
    static func apply(to input: RunValue, _ arguments: FilterArguments) throws(EvaluationError) -> RunValue? {
        guard case .bytes(let bytes) = input else { throw arguments.mismatch(input, expected: "bytes") }
        return .string(Hex.encode(bytes))
    }
}

import HTTPExchange

/// `base64Encode`: bytes (or text as UTF-8) in standard Base64 with padding.
enum Base64EncodeFilter: RunFilter {
    static func apply(to input: RunValue, _ arguments: FilterArguments) throws(EvaluationError) -> RunValue? {
        .string(Base64.encode(try input.bytesForEncoding(arguments)))
    }
}

extension RunValue {
    func bytesForEncoding(_ arguments: FilterArguments) throws(EvaluationError) -> [UInt8] {
        switch self {
        case .bytes(let bytes): bytes
        case .string(let text): Array(text.utf8)
        default: throw arguments.mismatch(self, expected: "bytes or a string")
        }
    }
}

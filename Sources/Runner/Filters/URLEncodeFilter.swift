import HTTPExchange

/// `urlEncode`: percent-encodes every byte except letters, digits and `-._~/` (as Hurl does).
enum URLEncodeFilter: RunFilter {
    static func apply(to input: RunValue, _ arguments: FilterArguments) throws(EvaluationError) -> RunValue? {
        guard case .string(let text) = input else { throw arguments.mismatch(input, expected: "a string") }
        var encoded = ""
        for byte in text.utf8 {
            let scalar = Unicode.Scalar(byte)
            if scalar.properties.isASCIIHexDigit || ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
                || "-._~/".unicodeScalars.contains(scalar) {
                encoded.unicodeScalars.append(scalar)
            } else {
                encoded += "%" + Hex.encode([byte]).uppercased()
            }
        }
        return .string(encoded)
    }
}

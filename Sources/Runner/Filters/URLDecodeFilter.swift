import HTTPExchange

/// `urlDecode`: resolves `%XX` escapes (and `+` stays `+`).
enum URLDecodeFilter: RunFilter {
    static func apply(to input: RunValue, _ arguments: FilterArguments) throws(EvaluationError) -> RunValue? {
        guard case .string(let text) = input else { throw arguments.mismatch(input, expected: "a string") }
        guard let decoded = PercentDecoding.decode(text, plusAsSpace: false) else {
            throw EvaluationError("\(arguments.filterText): \(input.display) is not valid percent-encoded UTF-8")
        }
        return .string(decoded)
    }
}

enum PercentDecoding {
    static func decode(_ text: String, plusAsSpace: Bool) -> String? {
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%") {
                guard let high = iterator.next(), let low = iterator.next(),
                      let value = Hex.decode(String(decoding: [high, low], as: UTF8.self))?.first else { return nil }
                bytes.append(value)
            } else if plusAsSpace, byte == UInt8(ascii: "+") {
                bytes.append(UInt8(ascii: " "))
            } else {
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }
}

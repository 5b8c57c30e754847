/// Decoding of the `base64,…;` and `hex,…;` bodies Hurl files may hold.
enum Base64 {
    static func decode(_ text: String) -> [UInt8]? {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var values: [UInt8: UInt32] = [:]
        for (index, byte) in alphabet.enumerated() { values[byte] = UInt32(index) }
        var output: [UInt8] = []
        var buffer: UInt32 = 0
        var bits = 0
        for byte in text.utf8 where byte != UInt8(ascii: "=") && byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\n") {
            guard let value = values[byte] else { return nil }
            buffer = (buffer << 6) | value
            bits += 6
            if bits >= 8 {
                bits -= 8
                output.append(UInt8((buffer >> UInt32(bits)) & 0xFF))
            }
        }
        return output
    }

    static func decodeHex(_ text: String) -> [UInt8]? {
        let digits = text.filter { !$0.isWhitespace }.compactMap(\.hexDigitValue)
        guard digits.count % 2 == 0, digits.count == text.filter({ !$0.isWhitespace }).count else { return nil }
        return stride(from: 0, to: digits.count, by: 2).map { UInt8(digits[$0] * 16 + digits[$0 + 1]) }
    }
}

enum Hex {
    static func encode(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".unicodeScalars)
        var text = String.UnicodeScalarView()
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(text)
    }

    /// Decodes hex digits, ignoring spaces; nil on an odd count or a non-hex character.
    static func decode(_ text: String) -> [UInt8]? {
        let digits = text.unicodeScalars.filter { $0 != " " && $0 != "\t" && $0 != "\n" }
        guard digits.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        var iterator = digits.makeIterator()
        while let high = iterator.next(), let low = iterator.next() {
            guard let h = UInt8(String(high), radix: 16), let l = UInt8(String(low), radix: 16) else { return nil }
            bytes.append(h << 4 | l)
        }
        return bytes
    }
}

/// Base64 as RFC 4648 defines it, in its two alphabets: the standard one (§4), used by
/// `Authorization: Basic`, Hurl's `base64,…;` values and signatures; and the URL-safe one (§5), where
/// `-` and `_` stand for `+` and `/`, used by PKCE, random tokens and Hurl's `base64UrlSafe…` filters.
///
/// Padding (§3.2): standard encoding completes the last group of four characters with `=`; URL-safe
/// encoding leaves the `=` out, as PKCE (RFC 7636 appendix A) and JWS (RFC 7515 §2) require.
/// Decoding accepts text without padding unless padding is required; `=` that is present must be
/// exactly what completes the last group. Any character outside the alphabet, whitespace included,
/// makes decoding fail (§3.3): a caller that allows line breaks removes them first. Bits left over
/// after the last whole byte are ignored, as Foundation's decoder does (§3.5 allows either).
public enum Base64 {
    /// Whether decoding insists on the `=` that completes the last group of four characters.
    public enum Padding: Sendable {
        case required
        case optional
    }

    /// Standard alphabet, padded.
    public static func encode(_ bytes: some Sequence<UInt8>) -> String {
        encode(bytes, digits: standardDigits, padded: true)
    }

    /// URL-safe alphabet, without padding.
    public static func encodeURLSafe(_ bytes: some Sequence<UInt8>) -> String {
        encode(bytes, digits: urlSafeDigits, padded: false)
    }

    /// Standard alphabet; nil for text that is not Base64.
    public static func decode(_ text: some StringProtocol, padding: Padding = .optional) -> [UInt8]? {
        decode(text, values: standardValues, padding: padding)
    }

    /// URL-safe alphabet, padding optional; nil for text that is not URL-safe Base64.
    public static func decodeURLSafe(_ text: some StringProtocol) -> [UInt8]? {
        decode(text, values: urlSafeValues, padding: .optional)
    }

    private static let standardDigits = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
    private static let urlSafeDigits = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
    private static let standardValues = values(of: standardDigits)
    private static let urlSafeValues = values(of: urlSafeDigits)
    private static let notADigit: UInt8 = 0xFF
    private static let pad = UInt8(ascii: "=")

    /// A table from every byte to its 6-bit value, `notADigit` outside the alphabet.
    private static func values(of digits: [UInt8]) -> [UInt8] {
        var values = [UInt8](repeating: notADigit, count: 256)
        for (value, digit) in digits.enumerated() { values[Int(digit)] = UInt8(value) }
        return values
    }

    private static func encode(_ bytes: some Sequence<UInt8>, digits: [UInt8], padded: Bool) -> String {
        let input = Array(bytes)
        var output: [UInt8] = []
        output.reserveCapacity((input.count + 2) / 3 * 4)
        for start in stride(from: 0, to: input.count, by: 3) {
            let count = min(3, input.count - start)
            var group = UInt32(input[start]) << 16
            if count > 1 { group |= UInt32(input[start + 1]) << 8 }
            if count > 2 { group |= UInt32(input[start + 2]) }
            // n bytes fill n + 1 characters of six bits each.
            for position in 0...count {
                output.append(digits[Int((group >> UInt32(18 - 6 * position)) & 0x3F)])
            }
            if padded { output.append(contentsOf: repeatElement(pad, count: 3 - count)) }
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func decode(_ text: some StringProtocol, values: [UInt8], padding: Padding) -> [UInt8]? {
        var digits = Array(text.utf8)
        var padCount = 0
        while digits.last == pad {
            digits.removeLast()
            padCount += 1
        }
        let remainder = digits.count % 4
        // A lone character in the last group holds six bits: no byte can end there.
        guard remainder != 1 else { return nil }
        let expectedPadding = remainder == 0 ? 0 : 4 - remainder
        switch padding {
        case .required: guard padCount == expectedPadding else { return nil }
        case .optional: guard padCount == 0 || padCount == expectedPadding else { return nil }
        }
        var output: [UInt8] = []
        output.reserveCapacity(digits.count * 3 / 4)
        var buffer: UInt32 = 0
        var bufferedBits = 0
        for digit in digits {
            let value = values[Int(digit)]
            guard value != notADigit else { return nil }
            buffer = buffer << 6 | UInt32(value)
            bufferedBits += 6
            if bufferedBits >= 8 {
                bufferedBits -= 8
                output.append(UInt8(truncatingIfNeeded: buffer >> UInt32(bufferedBits)))
            }
        }
        return output
    }
}

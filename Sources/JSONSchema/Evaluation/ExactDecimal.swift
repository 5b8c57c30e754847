import JSON

/// A JSON number as sign × digits × 10^exponent, read from its literal, for the arithmetic `multipleOf`
/// needs done exactly: `0.3` is a multiple of `0.1`, and `1e308` of `0.5`.
struct ExactDecimal {
    var digits: [UInt8]
    var exponent: Int

    init(_ number: JSONNumber) {
        var digits: [UInt8] = []
        var fractionDigits = 0
        var exponentText = ""
        var inFraction = false
        var inExponent = false
        for byte in number.literal.utf8 {
            switch byte {
            case UInt8(ascii: "."): inFraction = true
            case UInt8(ascii: "e"), UInt8(ascii: "E"): inExponent = true
            case UInt8(ascii: "-"), UInt8(ascii: "+"): if inExponent { exponentText.append(Character(UnicodeScalar(byte))) }
            default:
                if inExponent {
                    exponentText.append(Character(UnicodeScalar(byte)))
                } else {
                    if !(digits.isEmpty && byte == UInt8(ascii: "0")) { digits.append(byte - UInt8(ascii: "0")) }
                    if inFraction { fractionDigits += 1 }
                }
            }
        }
        var exponent = (Int(exponentText) ?? 0) - fractionDigits
        while digits.last == 0 {
            digits.removeLast()
            exponent += 1
        }
        self.digits = digits
        self.exponent = exponent
    }

    var isZero: Bool { digits.isEmpty }

    /// The longest digit string `isMultiple(of:)` builds; beyond it the answer comes from doubles.
    static let digitLimit = 100_000

    /// Whether self ÷ divisor is an integer; nil when deciding it exactly would need more than `digitLimit` digits.
    func isMultiple(of divisor: ExactDecimal) -> Bool? {
        if isZero { return true }
        if divisor.isZero { return false }
        // self / divisor = (a × 10^p) / (b × 10^q); scale both to the smaller exponent and test a′ mod b′ = 0.
        let common = min(exponent, divisor.exponent)
        let dividendZeros = exponent - common, divisorZeros = divisor.exponent - common
        guard digits.count + dividendZeros <= Self.digitLimit, divisor.digits.count + divisorZeros <= Self.digitLimit else {
            return nil
        }
        let dividend = digits + [UInt8](repeating: 0, count: dividendZeros)
        let modulus = divisor.digits + [UInt8](repeating: 0, count: divisorZeros)
        return Self.remainderIsZero(dividend, modulus)
    }

    /// Long division in base 10, keeping only the remainder.
    private static func remainderIsZero(_ dividend: [UInt8], _ modulus: [UInt8]) -> Bool {
        if dividend.count < modulus.count { return false }
        var remainder: [UInt8] = []
        for digit in dividend {
            if !(remainder.isEmpty && digit == 0) { remainder.append(digit) }
            while !lessThan(remainder, modulus) { subtract(&remainder, modulus) }
        }
        return remainder.isEmpty
    }

    /// Compares two digit strings without leading zeros.
    private static func lessThan(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        if a.count != b.count { return a.count < b.count }
        for (x, y) in zip(a, b) where x != y { return x < y }
        return false
    }

    /// a -= b for a ≥ b, both without leading zeros; the result has none either.
    private static func subtract(_ a: inout [UInt8], _ b: [UInt8]) {
        var borrow: Int = 0
        var ai = a.count - 1, bi = b.count - 1
        while ai >= 0 {
            var value = Int(a[ai]) - borrow - (bi >= 0 ? Int(b[bi]) : 0)
            borrow = value < 0 ? 1 : 0
            if value < 0 { value += 10 }
            a[ai] = UInt8(value)
            ai -= 1
            bi -= 1
        }
        let leadingZeros = a.prefix { $0 == 0 }.count
        a.removeFirst(leadingZeros)
    }
}

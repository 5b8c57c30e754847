/// A JSON number kept as its exact literal text, so `9223372036854775808`, `1.50` and `1e400`
/// print back byte for byte; conversions to `Double` and `Int` happen on demand.
public struct JSONNumber: Sendable, Hashable {
    public let literal: String

    /// Accepts exactly the JSON number grammar (RFC 8259 §6): no leading `+`, zeros, `.5` or `1.`.
    public init?(literal: String) {
        var text = literal
        let valid = text.withUTF8 { bytes in
            NumberGrammar.end(of: bytes, from: 0) == bytes.count && !bytes.isEmpty
        }
        guard valid else { return nil }
        self.literal = literal
    }

    init(validatedLiteral: String) {
        literal = validatedLiteral
    }

    public init(_ int: Int) {
        literal = String(int)
    }

    /// The shortest text that reads back as the same double, always with a fraction or exponent
    /// (`5.0`, `1e+20`), so a double stays recognisable as one. Infinities are written as `1e999` /
    /// `-1e999`, which read back as infinities; NaN has no JSON form.
    public init(_ double: Double) {
        precondition(!double.isNaN, "NaN has no JSON representation")
        if double.isInfinite {
            literal = double < 0 ? "-1e999" : "1e999"
        } else {
            literal = "\(double)"
        }
    }

    /// The nearest double; literals beyond its range give ±infinity.
    public var doubleValue: Double {
        Double(literal) ?? 0
    }

    /// The value when the literal denotes an integer exactly (`12`, `1.20e1`) and it fits in `Int`.
    public var intValue: Int? {
        if let direct = Int(literal) { return direct }
        return exactInteger
    }

    public var isInteger: Bool {
        decomposed.exponent >= 0 || decomposed.digits.isEmpty
    }

    /// Compares values, not literals: `1`, `1.0` and `10e-1` are equal.
    public func numericallyEquals(_ other: JSONNumber) -> Bool {
        if literal == other.literal { return true }
        let a = decomposed, b = other.decomposed
        if a.digits.isEmpty && b.digits.isEmpty { return true }
        return a.negative == b.negative && a.digits == b.digits && a.exponent == b.exponent
    }

    /// Orders by value; exact for any literals (not limited by double precision).
    public func isLess(than other: JSONNumber) -> Bool {
        let a = decomposed, b = other.decomposed
        let aSign = a.digits.isEmpty ? 0 : (a.negative ? -1 : 1)
        let bSign = b.digits.isEmpty ? 0 : (b.negative ? -1 : 1)
        if aSign != bSign { return aSign < bSign }
        if aSign == 0 { return false }
        let magnitudeLess = Self.magnitudeLess(a, b)
        let magnitudeEqual = a.digits == b.digits && a.exponent == b.exponent
        return aSign > 0 ? magnitudeLess : !(magnitudeLess || magnitudeEqual)
    }

    private static func magnitudeLess(_ a: Decomposed, _ b: Decomposed) -> Bool {
        // Magnitude order is decided first by the position of the leading digit, then digit by digit.
        let aLead = a.exponent + a.digits.count, bLead = b.exponent + b.digits.count
        if aLead != bLead { return aLead < bLead }
        for (x, y) in zip(a.digits, b.digits) where x != y { return x < y }
        return a.digits.count < b.digits.count
    }

    private var exactInteger: Int? {
        let parts = decomposed
        if parts.digits.isEmpty { return 0 }
        guard parts.exponent >= 0, parts.digits.count + parts.exponent <= 19 else { return nil }
        var text = parts.negative ? "-" : ""
        text.unicodeScalars.append(contentsOf: parts.digits.map { Unicode.Scalar($0) })
        text += String(repeating: "0", count: parts.exponent)
        return Int(text)
    }

    /// value = ±digits × 10^exponent, digits without leading or trailing zeros (empty for zero).
    private struct Decomposed {
        var negative: Bool
        var digits: [UInt8]
        var exponent: Int
    }

    private var decomposed: Decomposed {
        var negative = false
        var digits: [UInt8] = []
        var fractionDigits = 0
        var exponent = 0
        var exponentNegative = false
        var inFraction = false
        var inExponent = false
        for byte in literal.utf8 {
            switch byte {
            case UInt8(ascii: "-"):
                if inExponent { exponentNegative = true } else { negative = true }
            case UInt8(ascii: "+"):
                break
            case UInt8(ascii: "."):
                inFraction = true
            case UInt8(ascii: "e"), UInt8(ascii: "E"):
                inExponent = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if inExponent {
                    // Saturate: exponents this large are beyond any comparison that matters.
                    exponent = min(exponent * 10 + Int(byte - 48), 1_000_000_000)
                } else {
                    if digits.isEmpty && byte == UInt8(ascii: "0") {
                        if inFraction { fractionDigits += 1 }
                        continue
                    }
                    digits.append(byte)
                    if inFraction { fractionDigits += 1 }
                }
            default:
                break
            }
        }
        var scale = (exponentNegative ? -exponent : exponent) - fractionDigits
        while let last = digits.last, last == UInt8(ascii: "0") {
            digits.removeLast()
            scale += 1
        }
        return Decomposed(negative: negative, digits: digits, exponent: digits.isEmpty ? 0 : scale)
    }
}

extension JSONNumber: CustomStringConvertible {
    public var description: String { literal }
}

/// The JSON number grammar over bytes, shared by the parser and `JSONNumber(literal:)`.
enum NumberGrammar {
    /// The index just past the longest number starting at `start`, or nil when none starts there.
    @inline(__always)
    static func end(of bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var i = start
        let n = bytes.count
        if i < n && bytes[i] == UInt8(ascii: "-") { i += 1 }
        guard i < n else { return nil }
        if bytes[i] == UInt8(ascii: "0") {
            i += 1
        } else if bytes[i] >= UInt8(ascii: "1") && bytes[i] <= UInt8(ascii: "9") {
            i += 1
            while i < n && isDigit(bytes[i]) { i += 1 }
        } else {
            return nil
        }
        if i < n && bytes[i] == UInt8(ascii: ".") {
            i += 1
            guard i < n && isDigit(bytes[i]) else { return nil }
            while i < n && isDigit(bytes[i]) { i += 1 }
        }
        if i < n && (bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E")) {
            i += 1
            if i < n && (bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-")) { i += 1 }
            guard i < n && isDigit(bytes[i]) else { return nil }
            while i < n && isDigit(bytes[i]) { i += 1 }
        }
        return i
    }

    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10
    }
}

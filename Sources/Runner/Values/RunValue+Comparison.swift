import JSON

extension RunValue {
    /// Hurl's equality: numbers by value as Hurl compares them (`hurlEquals`), text against bytes by
    /// its UTF-8 form, collections element by element, objects regardless of member order.
    public func isEqual(to other: RunValue) -> Bool {
        switch (self, other) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.number(let a), .number(let b)): return a.hurlEquals(b)
        case (.string(let a), .string(let b)): return a.unicodeScalars.elementsEqual(b.unicodeScalars)
        case (.bytes(let a), .bytes(let b)): return a == b
        case (.string(let text), .bytes(let bytes)), (.bytes(let bytes), .string(let text)): return Array(text.utf8) == bytes
        case (.list(let a), .list(let b)): return a.count == b.count && zip(a, b).allSatisfy { $0.isEqual(to: $1) }
        case (.object(let a), .object(let b)): return JSONValue.object(a).semanticallyEquals(.object(b))
        case (.date(let a), .date(let b)): return a == b
        default: return false
        }
    }

    /// Orders numbers by value, strings by Unicode scalars and dates by time; nil when the two
    /// values cannot be ordered.
    public func isLess(than other: RunValue) -> Bool? {
        switch (self, other) {
        case (.number(let a), .number(let b)): return a.hurlIsLess(than: b)
        case (.string(let a), .string(let b)): return a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars)
        case (.date(let a), .date(let b)): return a < b
        default: return nil
        }
    }
}

extension JSONNumber {
    /// Hurl's rule: two integers (of any size) compare exactly; once a float is involved both are 64-bit
    /// floats, equal within one ulp of 1 (`0.100000000000000005 == 0.1`, `5 == 5.0`). The literals
    /// themselves are kept, so values still print as they were sent.
    func hurlEquals(_ other: JSONNumber) -> Bool {
        if isIntegerLiteral && other.isIntegerLiteral { return numericallyEquals(other) }
        let (a, b) = (doubleValue, other.doubleValue)
        return a == b || abs(a - b) < .ulpOfOne
    }

    func hurlIsLess(than other: JSONNumber) -> Bool {
        if isIntegerLiteral && other.isIntegerLiteral { return isLess(than: other) }
        return doubleValue < other.doubleValue && !hurlEquals(other)
    }
}

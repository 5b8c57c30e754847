import JSON

extension RunValue {
    /// Hurl's equality: numbers by value (`5 == 5.0`), text against bytes by its UTF-8 form,
    /// collections element by element, objects regardless of member order.
    public func isEqual(to other: RunValue) -> Bool {
        switch (self, other) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.number(let a), .number(let b)): return a.numericallyEquals(b)
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
        case (.number(let a), .number(let b)): return a.isLess(than: b)
        case (.string(let a), .string(let b)): return a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars)
        case (.date(let a), .date(let b)): return a < b
        default: return nil
        }
    }
}

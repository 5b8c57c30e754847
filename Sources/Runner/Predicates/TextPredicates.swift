import Hurl

/// `startsWith`, `endsWith`, `contains` (text, bytes, or an item of a list) and `matches`.
enum TextPredicates {
    static func evaluate(_ function: HurlPredicateFunction, _ actual: RunValue, _ expected: RunValue) throws(EvaluationError) -> Bool {
        if function == .matches {
            guard case .string(let text) = actual else { throw EvaluationError("matches needs a string, got \(actual.kindName)") }
            let pattern: String
            switch expected {
            case .string(let string): pattern = string
            default: throw EvaluationError("matches needs a pattern")
            }
            return text.contains(try RegexSupport.compile(pattern))
        }
        if function == .contains, case .list(let items) = actual {
            return items.contains { $0.isEqual(to: expected) }
        }
        switch (actual, expected) {
        case (.string(let text), .string(let part)):
            return check(function, Array(text.unicodeScalars), Array(part.unicodeScalars))
        case (.bytes(let bytes), .bytes(let part)):
            return check(function, bytes, part)
        case (.bytes(let bytes), .string(let part)):
            return check(function, bytes, Array(part.utf8))
        case (.string(let text), .bytes(let part)):
            return check(function, Array(text.utf8), part)
        default:
            throw EvaluationError("\(function.rawValue) cannot apply to \(actual.kindName) and \(expected.kindName)")
        }
    }

    private static func check<Element: Equatable>(_ function: HurlPredicateFunction, _ whole: [Element], _ part: [Element]) -> Bool {
        switch function {
        case .startsWith: return whole.starts(with: part)
        case .endsWith: return whole.reversed().starts(with: part.reversed())
        default:
            guard !part.isEmpty else { return true }
            guard whole.count >= part.count else { return false }
            return (0...(whole.count - part.count)).contains { whole[$0..<($0 + part.count)].elementsEqual(part) }
        }
    }
}

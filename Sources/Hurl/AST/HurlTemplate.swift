/// Text that may hold `{{name}}` placeholders, kept unexpanded (saved requests keep their templates).
public struct HurlTemplate: Sendable, Hashable, ExpressibleByStringLiteral, CustomStringConvertible {
    public enum Part: Sendable, Hashable {
        /// Literal text, escapes already resolved.
        case text(String)
        case placeholder(HurlPlaceholder)
    }

    public var parts: [Part]

    public init(_ parts: [Part]) {
        self.parts = Self.merged(parts)
    }

    public init(text: String) {
        self.init(text.isEmpty ? [] : [.text(text)])
    }

    public init(stringLiteral value: String) {
        self.init(text: value)
    }

    public var isEmpty: Bool { parts.isEmpty }

    /// The text when there is no placeholder.
    public var literalText: String? {
        var result = ""
        for part in parts {
            guard case .text(let text) = part else { return nil }
            result += text
        }
        return result
    }

    /// The names of the placeholders, in order.
    public var placeholderNames: [String] {
        parts.compactMap { part in
            if case .placeholder(let placeholder) = part { return placeholder.name }
            return nil
        }
    }

    /// The template as written in raw text (`{{name}}` for placeholders, no escaping).
    public var description: String {
        parts.map { part in
            switch part {
            case .text(let text): return text
            case .placeholder(let placeholder): return placeholder.description
            }
        }.joined()
    }

    /// Splits raw text (a JSON, XML or multiline body, where Hurl has no escapes) into text and
    /// `{{name}}` placeholders. Braces that do not form a placeholder stay text.
    public static func parse(raw: String) -> HurlTemplate {
        let scalars = Array(raw.unicodeScalars)
        let ahead = Lookahead(scalars)
        var parts: [Part] = []
        var text = ScannedText()
        var index = 0
        while index < scalars.count {
            // A name holds no `{`: a candidate holding one is passed over without being read, so that a
            // long run of `{` stays linear.
            if scalars[index] == "{", index + 1 < scalars.count, scalars[index + 1] == "{",
               let close = ahead.closing[index + 2], ahead.opening[index + 2] > close,
               let placeholder = HurlPlaceholder(source: ScannedText.text(of: scalars[(index + 2)..<close])) {
                parts.append(.text(text.take()))
                parts.append(.placeholder(placeholder))
                index = close + 2
            } else {
                text.append(scalars[index])
                index += 1
            }
        }
        parts.append(.text(text.take()))
        return HurlTemplate(parts)
    }

    /// For every position, found in one pass from the end rather than by a search from each `{{`.
    private struct Lookahead {
        /// Where the first `}}` at or after the position starts, if one does before the line ends.
        var closing: [Int?]
        /// Where the first `{` at or after the position is (the end when there is none).
        var opening: [Int]

        init(_ scalars: [Unicode.Scalar]) {
            closing = [Int?](repeating: nil, count: scalars.count + 1)
            opening = [Int](repeating: scalars.count, count: scalars.count + 1)
            for position in scalars.indices.reversed() {
                let isClosing = scalars[position] == "}" && position + 1 < scalars.count && scalars[position + 1] == "}"
                closing[position] = isClosing ? position : (scalars[position] == "\n" ? nil : closing[position + 1])
                opening[position] = scalars[position] == "{" ? position : opening[position + 1]
            }
        }
    }

    private static func merged(_ parts: [Part]) -> [Part] {
        var result: [Part] = []
        for part in parts {
            if case .text(let new) = part {
                if new.isEmpty { continue }
                if case .text(let previous)? = result.last {
                    result[result.count - 1] = .text(previous + new)
                    continue
                }
            }
            result.append(part)
        }
        return result
    }
}

/// `{{name}}`: a variable (or a Hurl function such as `newUuid`) expanded when the entry runs.
public struct HurlPlaceholder: Sendable, Hashable, CustomStringConvertible {
    public var name: String

    public init(name: String) {
        self.name = name
    }

    /// Reads the inside of `{{ ... }}`; nil unless it is a variable name with optional spaces around.
    public init?(source: String) {
        let trimmed = source.trimmingSpaces()
        guard Self.isVariableName(trimmed) else { return nil }
        self.name = trimmed
    }

    public var description: String { "{{\(name)}}" }

    /// Hurl's variable-name: a letter or `_`, then letters, digits, `_` and `-`.
    public static func isVariableName(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first.isASCIILetter || first == "_" else { return false }
        return text.unicodeScalars.allSatisfy { $0.isASCIILetter || $0.isASCIIDigit || $0 == "_" || $0 == "-" }
    }
}

extension Unicode.Scalar {
    var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
    var isSpaceOrTab: Bool { self == " " || self == "\t" }
}

extension String {
    func trimmingSpaces() -> String {
        var scalars = Substring(self).unicodeScalars[...]
        while let first = scalars.first, first.isSpaceOrTab || first == "\n" || first == "\r" { scalars.removeFirst() }
        while let last = scalars.last, last.isSpaceOrTab || last == "\n" || last == "\r" { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}

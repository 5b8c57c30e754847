/// A path template split into segments, each a run of literal text and `{name}` parameters:
/// `/Calls/{Sid}.json` has the segments `Calls` and `{Sid}` + `.json`.
public struct PathTemplate: Sendable, Equatable {
    public enum Part: Sendable, Equatable {
        case literal(String)
        case parameter(String)
    }

    public let segments: [[Part]]

    public init(_ template: String) {
        segments = Self.split(template).map(Self.parts)
    }

    /// Segments of a path, without the leading slash; `/a/b/` has the segments `a`, `b` and "".
    static func split(_ path: some StringProtocol) -> [Substring] {
        let trimmed = path.hasPrefix("/") ? Substring(path).dropFirst() : Substring(path)
        return trimmed.split(separator: "/", omittingEmptySubsequences: false)
    }

    private static func parts(_ segment: Substring) -> [Part] {
        var parts: [Part] = []
        var rest = segment
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            if open > rest.startIndex { parts.append(.literal(String(rest[..<open]))) }
            parts.append(.parameter(String(rest[rest.index(after: open)..<close])))
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty || parts.isEmpty { parts.append(.literal(String(rest))) }
        return parts
    }

    /// How well a concrete segment matches a template segment: the count of literal characters that
    /// matched (more literal wins over a bare parameter), or nil when it does not match.
    static func score(_ value: Substring, against parts: [Part]) -> Int? {
        var rest = value
        var score = 0
        for (index, part) in parts.enumerated() {
            switch part {
            case .literal(let text):
                guard rest.hasPrefix(text) else { return nil }
                rest = rest.dropFirst(text.count)
                score += text.count + 1
            case .parameter:
                let next = parts.dropFirst(index + 1).first
                if case .literal(let following)? = next {
                    // The parameter takes the text up to the last occurrence of what follows it.
                    guard let end = rest.lastRange(of: following)?.lowerBound, end > rest.startIndex else { return nil }
                    rest = rest[end...]
                } else {
                    guard !rest.isEmpty else { return nil }
                    rest = rest[rest.endIndex...]
                }
            }
        }
        return rest.isEmpty ? score : nil
    }

    /// The match score of a whole concrete path, or nil when it does not match.
    func score(_ path: some StringProtocol) -> Int? {
        let values = Self.split(path)
        guard values.count == segments.count else { return nil }
        var total = 0
        for (value, parts) in zip(values, segments) {
            guard let score = Self.score(value, against: parts) else { return nil }
            total += score
        }
        return total
    }

    static func text(of parts: [Part]) -> String {
        parts.map {
            switch $0 {
            case .literal(let text): text
            case .parameter(let name): "{\(name)}"
            }
        }.joined()
    }
}

extension Substring {
    fileprivate func lastRange(of text: String) -> Range<Index>? {
        var start = endIndex
        while start > startIndex {
            start = index(before: start)
            if self[start...].hasPrefix(text) { return start..<index(start, offsetBy: text.count) }
        }
        return nil
    }
}

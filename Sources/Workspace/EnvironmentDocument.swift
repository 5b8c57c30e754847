import Hurl
/// A named environment as a human-editable file, `environments/NAME.env`:
///
/// ```
/// # Mautic on the sandbox
/// baseUrl = http://127.0.0.1:8181
/// username = admin
/// secret password                      # value kept in the per-user state folder
/// secret client_secret = $MAUTIC_SECRET # value read from a process environment variable
///
/// [auth oauth2]
/// type = oauth2
/// ```
///
/// `#` starts a comment only at the start of a line, so values may contain it (URLs with fragments).
/// Editing keeps every comment and the order of lines: the file stays the person's.
public struct EnvironmentDocument: Sendable, Equatable {
    public enum Line: Sendable, Equatable {
        case blank
        case comment(String)
        case section(kind: String, name: String)
        case entry(Entry)
    }

    public struct Entry: Sendable, Equatable {
        public var key: String
        public var value: String
        /// A secret's value is never in the file: `value` is empty (state folder) or `$VARIABLE`.
        public var isSecret: Bool

        public init(key: String, value: String, isSecret: Bool = false) {
            self.key = key
            self.value = value
            self.isSecret = isSecret
        }

        /// The process environment variable a secret reads, when it names one.
        public var environmentVariable: String? {
            isSecret && value.hasPrefix("$") ? String(value.dropFirst()) : nil
        }
    }

    /// A `[kind name]` section, e.g. `[auth oauth2]`; nil means the top, where variables live.
    public struct Section: Sendable, Hashable {
        public var kind: String
        public var name: String
        public init(kind: String, name: String) {
            self.kind = kind
            self.name = name
        }
    }

    public private(set) var lines: [Line]

    public init(lines: [Line] = []) {
        self.lines = lines
    }

    public init(parsing text: String, fileName: String) throws(EnvironmentParseError) {
        var lines: [Line] = []
        // "\r\n" is one Character in Swift, so it is a separator of its own.
        let rawLines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        for (number, raw) in rawLines.enumerated() {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            let trimmed = line.trimmingSpaces()
            if trimmed.isEmpty {
                lines.append(.blank)
            } else if trimmed.hasPrefix("#") {
                // A comment's trailing carriage returns would be written back before "\n" and read as a
                // CRLF break, so they are not kept at all: the file reads the same after every edit.
                var comment = line
                while comment.hasSuffix("\r") { comment = comment.dropLast() }
                lines.append(.comment(String(comment)))
            } else if trimmed.hasPrefix("[") {
                guard trimmed.hasSuffix("]") else {
                    throw EnvironmentParseError(file: fileName, line: number + 1, message: "a section header needs a closing ']'")
                }
                let words = trimmed.dropFirst().dropLast().split(separator: " ", omittingEmptySubsequences: true)
                guard words.count == 2 else {
                    throw EnvironmentParseError(file: fileName, line: number + 1, message: "a section is written [kind name], e.g. [auth oauth2]")
                }
                lines.append(.section(kind: String(words[0]), name: String(words[1])))
            } else {
                lines.append(.entry(try Self.parseEntry(trimmed, fileName: fileName, line: number + 1)))
            }
        }
        while lines.last == .blank { lines.removeLast() }
        self.lines = lines
    }

    private static func parseEntry(_ text: Substring, fileName: String, line: Int) throws(EnvironmentParseError) -> Entry {
        var rest = text
        var isSecret = false
        // `secret = value` is a variable called secret, as `secret=value` is.
        if rest.hasPrefix("secret "), !rest.dropFirst("secret ".count).trimmingSpaces().hasPrefix("=") {
            isSecret = true
            rest = rest.dropFirst("secret ".count).trimmingSpaces()
        }
        let key: Substring
        var value: Substring = ""
        if let equals = rest.firstIndex(of: "=") {
            key = rest[..<equals].trimmingSpaces()
            value = rest[rest.index(after: equals)...].trimmingSpaces()
        } else if isSecret {
            key = rest
        } else {
            throw EnvironmentParseError(file: fileName, line: line, message: "expected NAME = VALUE or secret NAME")
        }
        guard HurlPlaceholder.isVariableName(String(key)) else {
            throw EnvironmentParseError(
                file: fileName, line: line,
                message: "'\(key)' is not a valid name: a letter or _, then letters, digits, _ or - (as {{name}} in Hurl files)")
        }
        if isSecret, !value.isEmpty, !value.hasPrefix("$") {
            throw EnvironmentParseError(
                file: fileName, line: line,
                message: "a secret's value is not written in the file: use `secret \(key)` (state folder) or `secret \(key) = $VARIABLE`")
        }
        if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = value.dropFirst().dropLast() }
        return Entry(key: String(key), value: String(value), isSecret: isSecret)
    }

    public func rendered() -> String {
        lines.map { line in
            switch line {
            case .blank: ""
            case .comment(let text): text
            case .section(let kind, let name): "[\(kind) \(name)]"
            case .entry(let entry):
                if entry.isSecret { entry.value.isEmpty ? "secret \(entry.key)" : "secret \(entry.key) = \(entry.value)" }
                else { "\(entry.key) = \(Self.quotedIfNeeded(entry.value))" }
            }
        }.joined(separator: "\n") + "\n"
    }

    /// Quotes keep what reading would drop: blanks at either end, a carriage return at the end (taken as
    /// part of a CRLF line break), quotes around the whole value.
    private static func quotedIfNeeded(_ value: String) -> String {
        let dropped: Set<Character> = [" ", "\t", "\r"]
        let needsQuotes = value.first.map { dropped.contains($0) } == true || value.last.map { dropped.contains($0) } == true
            || (value.hasPrefix("\"") && value.hasSuffix("\""))
        return needsQuotes ? "\"\(value)\"" : value
    }

    public func entries(in section: Section? = nil) -> [Entry] {
        var current: Section?
        var result: [Entry] = []
        for line in lines {
            switch line {
            case .section(let kind, let name): current = Section(kind: kind, name: name)
            case .entry(let entry) where current == section: result.append(entry)
            default: break
            }
        }
        return result
    }

    public var sections: [Section] {
        lines.compactMap { if case .section(let kind, let name) = $0 { Section(kind: kind, name: name) } else { nil } }
    }

    public func entry(_ key: String, in section: Section? = nil) -> Entry? {
        entries(in: section).last { $0.key == key }
    }

    /// Sets `key` in `section` (creating the section at the end if needed), replacing the line that
    /// held it so that its neighbours and comments stay where the person put them.
    public mutating func set(_ entry: Entry, in section: Section? = nil) {
        if let index = indexOfEntry(entry.key, in: section) {
            lines[index] = .entry(entry)
            return
        }
        guard let section else {
            let firstSection = lines.firstIndex { if case .section = $0 { true } else { false } } ?? lines.endIndex
            var insertAt = firstSection
            while insertAt > 0, lines[insertAt - 1] == .blank { insertAt -= 1 }
            lines.insert(.entry(entry), at: insertAt)
            return
        }
        guard let header = lines.firstIndex(of: .section(kind: section.kind, name: section.name)) else {
            if !lines.isEmpty { lines.append(.blank) }
            lines.append(.section(kind: section.kind, name: section.name))
            lines.append(.entry(entry))
            return
        }
        var end = lines[(header + 1)...].firstIndex { if case .section = $0 { true } else { false } } ?? lines.endIndex
        while end > header + 1, lines[end - 1] == .blank { end -= 1 }
        lines.insert(.entry(entry), at: end)
    }

    @discardableResult
    public mutating func remove(_ key: String, in section: Section? = nil) -> Bool {
        guard let index = indexOfEntry(key, in: section) else { return false }
        lines.remove(at: index)
        return true
    }

    /// Removes a whole section with its entries.
    public mutating func removeSection(_ section: Section) {
        guard let header = lines.firstIndex(of: .section(kind: section.kind, name: section.name)) else { return }
        let end = lines[(header + 1)...].firstIndex { if case .section = $0 { true } else { false } } ?? lines.endIndex
        lines.removeSubrange(header..<end)
        while lines.last == .blank { lines.removeLast() }
    }

    private func indexOfEntry(_ key: String, in section: Section?) -> Int? {
        var current: Section?
        var found: Int?
        for (index, line) in lines.enumerated() {
            switch line {
            case .section(let kind, let name): current = Section(kind: kind, name: name)
            case .entry(let entry) where current == section && entry.key == key: found = index
            default: break
            }
        }
        return found
    }
}

public struct EnvironmentParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public let file: String
    public let line: Int
    public let message: String

    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String { "\(file):\(line): \(message)" }
}

extension Substring {
    func trimmingSpaces() -> Substring {
        var slice = self
        while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }
        return slice
    }
}

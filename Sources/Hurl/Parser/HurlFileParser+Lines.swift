/// What a line starts, decided from its first characters.
enum HurlLineKind: Equatable {
    case method
    case response
    case section(String)
    case body
    case other
}

extension HurlFileParser {
    /// Reads blank and comment lines (Hurl's `lt*`), leaving the scanner at the start of the next
    /// content line.
    mutating func readTriviaLines() -> [HurlTrivia.Line] {
        var lines: [HurlTrivia.Line] = []
        while !scanner.isAtEnd {
            let mark = scanner.index
            scanner.skipSpaces()
            if scanner.peek() == "#" {
                scanner.advance()
                lines.append(.comment(readCommentText()))
                scanner.consumeNewline()
            } else if scanner.isAtNewline {
                scanner.consumeNewline()
                lines.append(.blank)
            } else if scanner.isAtEnd {
                break
            } else {
                scanner.index = mark
                break
            }
        }
        return lines
    }

    /// Ends a content line: optional spaces, an optional comment (returned), then a newline or the end.
    mutating func finishLine() throws(HurlParseError) -> String? {
        scanner.skipSpaces()
        var comment: String?
        if scanner.peek() == "#" {
            scanner.advance()
            comment = readCommentText()
        }
        guard scanner.isAtEnd || scanner.isAtNewline else {
            throw error(message: "unexpected text at the end of the line")
        }
        scanner.consumeNewline()
        return comment
    }

    /// A comment's trailing carriage returns are not kept: written back before "\n", one would read as
    /// part of a CRLF break, and the file would change each time it is saved.
    private mutating func readCommentText() -> String {
        var text = Substring(scanner.read { $0 != "\n" })
        while text.hasSuffix("\r") { text = text.dropLast() }
        return String(text)
    }

    /// Looks at the current line without moving.
    func classifyLine() -> HurlLineKind {
        var probe = scanner
        probe.skipSpaces()
        guard let first = probe.peek() else { return .other }
        if first == "[" {
            probe.advance()
            let name = probe.read { $0.isASCIILetter }
            if !name.isEmpty, probe.peek() == "]" {
                probe.advance()
                probe.skipSpaces()
                if probe.isAtLineEnd { return .section(name) }
            }
            return .body
        }
        // `{{name}}: value` is a key-value whose key is a placeholder, not a JSON body.
        if probe.isAtPlaceholder { return .other }
        switch first {
        case "{", "<", "`": return .body
        case "b" where probe.starts(with: "base64,"), "h" where probe.starts(with: "hex,"), "f" where probe.starts(with: "file,"):
            return .body
        default: break
        }
        // A JSON string, number, boolean or null alone on its line is a body too (any JSON value is).
        if first == "\"" || first == "-" || first.isASCIIDigit || first == "t" || first == "f" || first == "n" {
            var scalarProbe = probe
            if scalarProbe.readJSONScalar() != nil {
                scalarProbe.skipSpaces()
                if scalarProbe.isAtLineEnd { return .body }
            }
        }
        if probe.starts(with: "HTTP") {
            let after = probe.peek(4)
            if after == "/" || after?.isSpaceOrTab == true { return .response }
        }
        let wordLength = probe.skip { ("A"..."Z").contains($0) }
        if wordLength > 0, probe.skipSpaces() > 0, probe.peek() != ":", !probe.isAtLineEnd {
            return .method
        }
        return .other
    }

    /// `key: value` on its own line. A header's name must be an HTTP token and its value free of line
    /// breaks (RFC 9110 §5.1, §5.5), or it could never be sent.
    mutating func parseKeyValue(leading: [HurlTrivia.Line], isHeader: Bool = false) throws(HurlParseError) -> HurlKeyValue {
        scanner.skipSpaces()
        let line = scanner.currentLine
        if isHeader, let name = try parseEmptyHeader() {
            let trailing = try finishLine()
            return HurlKeyValue(key: name, value: HurlTemplate(text: ""), trivia: HurlTrivia(leadingLines: leading, trailingComment: trailing), line: line)
        }
        let key = try parseKeyAndColon(tokenOnly: isHeader)
        let valueStart = scanner.index
        let value = try parseValueString()
        if isHeader, value.parts.contains(where: { if case .text(let text) = $0 { Self.breaksHeaderValue(text) } else { false } }) {
            throw error(at: valueStart, message: "a header value cannot hold a line break or NUL character")
        }
        let trailing = try finishLine()
        return HurlKeyValue(key: key, value: value, trivia: HurlTrivia(leadingLines: leading, trailingComment: trailing), line: line)
    }

    /// `Name;`: Hurl's way (curl's too) to send a header with an empty value. Nil, without moving, when
    /// the line is not one.
    private mutating func parseEmptyHeader() throws(HurlParseError) -> HurlTemplate? {
        let mark = scanner.index
        let name = try parseKeyString(tokenOnly: true)
        if !name.isEmpty, scanner.consume(";") { return name }
        scanner.index = mark
        return nil
    }

    /// A key-string, the `:` after it and the spaces after that.
    mutating func parseKeyAndColon(tokenOnly: Bool = false) throws(HurlParseError) -> HurlTemplate {
        let keyStart = scanner.index
        let key = try parseKeyString(tokenOnly: tokenOnly)
        guard !key.isEmpty else { throw error(at: keyStart, message: "expected a key followed by ':'") }
        scanner.skipSpaces()
        guard scanner.consume(":") else { throw error(message: "expected ':' after the key") }
        scanner.skipSpaces()
        return key
    }

    /// Hurl's key-string: up to `:`, a space or a comment; `\:` `\#` `\\` and the usual escapes.
    /// - Parameter tokenOnly: accept only HTTP token characters outside placeholders (a header name).
    mutating func parseKeyString(tokenOnly: Bool = false) throws(HurlParseError) -> HurlTemplate {
        var parts: [HurlTemplate.Part] = []
        var text = ScannedText()
        while let scalar = scanner.peek(), scalar != ":", scalar != "#", !(tokenOnly && scalar == ";"), !scalar.isSpaceOrTab, !scanner.isAtNewline {
            let start = scanner.index
            if scanner.isAtPlaceholder {
                parts.append(.text(text.take()))
                parts.append(.placeholder(try parsePlaceholder()))
                continue
            }
            let character: Unicode.Scalar
            if scalar == "\\" {
                character = try parseEscape(extra: [":", "#", "/", "[", "]", ",", "{", "}"])
            } else {
                character = scalar
                scanner.advance()
            }
            if tokenOnly && !Self.isTokenCharacter(character) {
                throw error(at: start, message: "'\(character.escaped(asASCII: false))' cannot be part of a header name: use ASCII letters, digits and !#$%&'*+-.^_`|~ (RFC 9110)")
            }
            text.append(character)
        }
        parts.append(.text(text.take()))
        return HurlTemplate(parts)
    }

    /// RFC 9110's token characters. The HTTPExchange module has the same rule for the shell and curl
    /// import; this pure parser depends on nothing, so it keeps its own copy of these few lines.
    static func isTokenCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "!#$%&'*+-.^_`|~".unicodeScalars.contains(scalar))
    }

    static func breaksHeaderValue(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0 == "\r" || $0 == "\n" || $0 == "\0" }
    }

    /// Hurl's value-string: up to a comment or the end of the line, trailing spaces dropped.
    mutating func parseValueString(stoppingAt stops: Set<Unicode.Scalar> = []) throws(HurlParseError) -> HurlTemplate {
        var parts: [HurlTemplate.Part] = []
        var text = ScannedText()
        var pendingSpaces = ScannedText()
        while let scalar = scanner.peek(), !scanner.isAtLineEnd, stops.isEmpty || !stops.contains(scalar) {
            if scalar.isSpaceOrTab {
                pendingSpaces.append(scalar)
                scanner.advance()
                continue
            }
            text.append(pendingSpaces)
            pendingSpaces.removeAll()
            if scalar == "\\" {
                text.append(try parseEscape(extra: ["#", ";"]))
            } else if scanner.isAtPlaceholder {
                parts.append(.text(text.take()))
                parts.append(.placeholder(try parsePlaceholder()))
            } else {
                let run = scanner.index
                scanner.advance()
                while let next = scanner.peek(), !Self.mayEndPlainRun(next), stops.isEmpty || !stops.contains(next) { scanner.advance() }
                text.append(contentsOf: scanner.scalars[run..<scanner.index])
            }
        }
        parts.append(.text(text.take()))
        return HurlTemplate(parts)
    }

    /// `"..."` with `\"` and the usual escapes; may hold placeholders.
    mutating func parseQuotedString() throws(HurlParseError) -> HurlTemplate {
        let start = scanner.index
        guard scanner.consume("\"") else { throw error(message: "expected a quoted string") }
        return try parseDelimited(closing: "\"", start: start, name: "string")
    }

    /// `` `...` `` on one line.
    mutating func parseOnelineString() throws(HurlParseError) -> HurlTemplate {
        let start = scanner.index
        guard scanner.consume("`") else { throw error(message: "expected a backquoted string") }
        return try parseDelimited(closing: "`", start: start, name: "backquoted string")
    }

    private mutating func parseDelimited(closing: Unicode.Scalar, start: Int, name: String) throws(HurlParseError) -> HurlTemplate {
        var parts: [HurlTemplate.Part] = []
        var text = ScannedText()
        while true {
            guard let scalar = scanner.peek(), !scanner.isAtNewline else {
                throw error(at: start, message: "unterminated \(name)")
            }
            if scalar == closing {
                scanner.advance()
                break
            }
            if scalar == "\\" {
                text.append(try parseEscape(extra: [closing]))
            } else if scanner.isAtPlaceholder {
                parts.append(.text(text.take()))
                parts.append(.placeholder(try parsePlaceholder()))
            } else {
                let run = scanner.index
                scanner.advance()
                while let next = scanner.peek(), next != closing, !Self.mayEndPlainRun(next) { scanner.advance() }
                text.append(contentsOf: scanner.scalars[run..<scanner.index])
            }
        }
        parts.append(.text(text.take()))
        return HurlTemplate(parts)
    }

    /// Where a value's text may end or change (a space, an escape, a placeholder, a line's end or a
    /// comment): the scalars between two of these are copied in one go.
    private static func mayEndPlainRun(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case " ", "\t", "\\", "{", "\n", "\r", "#": true
        default: false
        }
    }

    /// A backslash escape: `\\ \b \f \n \r \t \u{hex}` plus the characters in `extra`.
    private mutating func parseEscape(extra: Set<Unicode.Scalar>) throws(HurlParseError) -> Unicode.Scalar {
        let start = scanner.index
        scanner.advance()
        guard let escaped = scanner.peek() else { throw error(at: start, message: "incomplete escape at the end of the file") }
        scanner.advance()
        switch escaped {
        case "\\": return "\\"
        case "b": return "\u{08}"
        case "f": return "\u{0C}"
        case "n": return "\n"
        case "r": return "\r"
        case "t": return "\t"
        case "u":
            guard scanner.consume("{") else { throw error(at: start, message: "expected \\u{HEX}") }
            let digits = scanner.read { $0.properties.isASCIIHexDigit }
            guard scanner.consume("}"), let value = UInt32(digits, radix: 16), let unicode = Unicode.Scalar(value) else {
                throw error(at: start, message: "invalid unicode escape, expected \\u{HEX}")
            }
            return unicode
        default:
            guard extra.contains(escaped) else { throw error(at: start, message: "invalid escape \\\(escaped)") }
            return escaped
        }
    }

    /// `{{ name }}`.
    mutating func parsePlaceholder() throws(HurlParseError) -> HurlPlaceholder {
        let start = scanner.index
        scanner.advance(2)
        let inside = scanner.read { $0 != "}" && $0 != "\n" }
        guard scanner.consume("}}") else { throw error(at: start, message: "unterminated placeholder, expected '}}'") }
        guard let placeholder = HurlPlaceholder(source: inside) else {
            throw error(at: start, message: "invalid variable name in placeholder: '\(inside.trimmingSpaces())'")
        }
        return placeholder
    }
}

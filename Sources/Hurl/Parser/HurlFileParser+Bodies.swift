extension HurlFileParser {
    mutating func parseBodyContent() throws(HurlParseError) -> HurlBody.Content {
        switch scanner.peek() {
        case "{", "[":
            return .json(try readJSONText())
        case "<":
            return .xml(try readXMLText())
        case "`":
            if scanner.starts(with: "```") { return .multiline(try parseMultilineString()) }
            return .oneline(try parseOnelineString())
        default:
            if let encoded = try parseEncodedValue() { return encoded.bodyContent }
            if let scalar = scanner.readJSONScalar() { return .json(scalar) }
            throw error(message: "expected a body")
        }
    }

    /// `base64,...;`, `hex,...;` or `file,...;`.
    mutating func parseEncodedValue() throws(HurlParseError) -> HurlValue? {
        let start = scanner.index
        if let path = try parseFileReference() { return .file(path) }
        for prefix in ["base64,", "hex,"] where scanner.consume(prefix) {
            let content = scanner.read { $0 != ";" && $0 != "\n" }.trimmingSpaces()
            guard scanner.consume(";") else { throw error(at: start, message: "expected ';' to end \(prefix)...") }
            switch prefix {
            case "base64,": return .base64(content)
            default:
                guard content.unicodeScalars.allSatisfy({ $0.properties.isASCIIHexDigit || $0.isSpaceOrTab }) else {
                    throw error(at: start, message: "invalid hex digits")
                }
                return .hex(content)
            }
        }
        return nil
    }

    /// `file,NAME;` (a body, a value, a multipart part): the name is a value string, with escapes and
    /// placeholders, up to the `;`.
    mutating func parseFileReference() throws(HurlParseError) -> HurlTemplate? {
        guard scanner.consume("file,") else { return nil }
        scanner.skipSpaces()
        let pathStart = scanner.index
        let path = try parseValueString(stoppingAt: [";"])
        guard !path.isEmpty else { throw error(at: pathStart, message: "expected a file name after file,") }
        guard scanner.consume(";") else { throw error(message: "expected ';' after the file name") }
        return path
    }

    /// A ```` ``` ```` block, with an optional language hint and attributes on the opening line.
    mutating func parseMultilineString() throws(HurlParseError) -> HurlMultilineString {
        let start = scanner.index
        scanner.advance(3)
        let word: (Unicode.Scalar) -> Bool = { $0.isASCIILetter || $0.isASCIIDigit || $0 == "_" || $0 == "-" || $0 == "+" }
        let language = scanner.read(while: word)
        var attributes: [String] = []
        while scanner.consume(",") {
            let attribute = scanner.read(while: word)
            guard !attribute.isEmpty else { throw error(message: "expected an attribute after ','") }
            attributes.append(attribute)
        }
        scanner.skipSpaces()
        guard scanner.isAtNewline else {
            throw error(message: "expected a new line after ``` (a multiline string starts on the next line)")
        }
        scanner.consumeNewline()
        let textStart = scanner.index
        while !scanner.starts(with: "```") {
            guard !scanner.isAtEnd else { throw error(at: start, message: "unterminated multiline string, expected ```") }
            scanner.advance()
        }
        let text = scanner.text(from: textStart, to: scanner.index)
        scanner.advance(3)
        return HurlMultilineString(language: language.isEmpty ? nil : language, attributes: attributes, text: text)
    }

    /// The raw text of a JSON value starting at `{` or `[`, up to its matching bracket. Placeholders
    /// are balanced braces, so they need no special case; strings are skipped.
    private mutating func readJSONText() throws(HurlParseError) -> String {
        let start = scanner.index
        var depth = 0
        repeat {
            guard let scalar = scanner.peek() else { throw error(at: start, message: "unterminated JSON body") }
            switch scalar {
            case "{", "[": depth += 1
            case "}", "]": depth -= 1
            case "\"":
                scanner.advance()
                while let inner = scanner.peek(), inner != "\"" {
                    scanner.advance(inner == "\\" ? 2 : 1)
                }
                guard !scanner.isAtEnd else { throw error(at: start, message: "unterminated string in JSON body") }
            default: break
            }
            scanner.advance()
        } while depth > 0
        return scanner.text(from: start, to: scanner.index)
    }

    /// The raw text of an XML document: an optional prolog, then one root element.
    private mutating func readXMLText() throws(HurlParseError) -> String {
        let start = scanner.index
        var depth = 0
        while true {
            guard scanner.peek() == "<" else { throw error(at: start, message: "unterminated XML body") }
            let isClosing = scanner.peek(1) == "/"
            let isDeclaration = scanner.peek(1) == "?" || scanner.peek(1) == "!"
            var last: Unicode.Scalar = "<"
            while let scalar = scanner.peek(), scalar != ">" {
                if scalar == "\"" || scalar == "'" {
                    scanner.advance()
                    while let inner = scanner.peek(), inner != scalar { scanner.advance() }
                }
                last = scalar
                scanner.advance()
            }
            guard scanner.consume(">") else { throw error(at: start, message: "unterminated XML tag") }
            if !isDeclaration {
                if isClosing {
                    depth -= 1
                } else if last != "/" {
                    depth += 1
                }
                if depth <= 0 { break }
            }
            while let scalar = scanner.peek(), scalar != "<" { scanner.advance() }
        }
        return scanner.text(from: start, to: scanner.index)
    }
}

extension HurlValue {
    var bodyContent: HurlBody.Content {
        switch self {
        case .base64(let text): .base64(text)
        case .hex(let text): .hex(text)
        case .file(let path): .file(path)
        default: preconditionFailure("only encoded values become bodies")
        }
    }
}

extension HurlScanner {
    /// A JSON string, number, `true`, `false` or `null` as written; nil, without moving, when none
    /// starts here.
    mutating func readJSONScalar() -> String? {
        let start = index
        if consume("\"") {
            while let scalar = peek(), scalar != "\"", scalar != "\n" {
                advance(scalar == "\\" ? 2 : 1)
            }
            if consume("\"") { return text(from: start, to: index) }
        } else if consume("true") || consume("false") || consume("null") {
            if !(peek()?.isASCIILetter ?? false) { return text(from: start, to: index) }
        } else if readJSONNumber() {
            return text(from: start, to: index)
        }
        index = start
        return nil
    }

    /// RFC 8259's number: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`, ending at a word boundary.
    private mutating func readJSONNumber() -> Bool {
        _ = consume("-")
        if !consume("0") {
            guard let first = peek(), ("1"..."9").contains(first) else { return false }
            _ = read { $0.isASCIIDigit }
        }
        if consume(".") {
            guard !read(while: { $0.isASCIIDigit }).isEmpty else { return false }
        }
        if consume("e") || consume("E") {
            if !consume("+") { _ = consume("-") }
            guard !read(while: { $0.isASCIIDigit }).isEmpty else { return false }
        }
        guard let next = peek() else { return true }
        return !next.isASCIILetter && !next.isASCIIDigit && next != "." && next != "-" && next != "_"
    }
}

extension HurlFileParser {
    mutating func parseCapture(leading: [HurlTrivia.Line]) throws(HurlParseError) -> HurlCapture {
        scanner.skipSpaces()
        let line = scanner.currentLine
        let name = try parseKeyAndColon()
        let query = try parseQuery()
        var capture = HurlCapture(name: name, query: query, line: line)
        while scanner.skipSpaces() > 0, !scanner.isAtLineEnd {
            let wordStart = scanner.index
            let word = readWord()
            if word == "redact" {
                capture.redacted = true
            } else if let signature = HurlFilter.signatures[word], !capture.redacted {
                capture.filters.append(try parseFilterArguments(name: word, signature: signature))
            } else {
                throw error(at: wordStart, message: "expected a filter or redact, found '\(word)'")
            }
        }
        capture.trivia = HurlTrivia(leadingLines: leading, trailingComment: try finishLine())
        return capture
    }

    mutating func parseAssert(leading: [HurlTrivia.Line]) throws(HurlParseError) -> HurlAssert {
        scanner.skipSpaces()
        let line = scanner.currentLine
        let query = try parseQuery()
        var filters: [HurlFilter] = []
        while true {
            guard scanner.skipSpaces() > 0, !scanner.isAtLineEnd else {
                throw error(message: "expected a predicate (such as == 200, exists, contains \"x\")")
            }
            let wordStart = scanner.index
            let word = readWord()
            if let signature = HurlFilter.signatures[word] {
                filters.append(try parseFilterArguments(name: word, signature: signature))
                continue
            }
            scanner.index = wordStart
            break
        }
        let predicate = try parsePredicate()
        let trailing = try finishLine()
        return HurlAssert(query: query, filters: filters, predicate: predicate,
                          trivia: HurlTrivia(leadingLines: leading, trailingComment: trailing), line: line)
    }

    /// Nothing may follow a line parsed on its own.
    mutating func requireEnd() throws(HurlParseError) {
        _ = readTriviaLines()
        guard scanner.isAtEnd else { throw error(message: "expected the end of the line") }
    }

    private mutating func readWord() -> String {
        scanner.read { !$0.isSpaceOrTab && $0 != "\n" && $0 != "\r" }
    }

    mutating func parseQuery() throws(HurlParseError) -> HurlQuery {
        let start = scanner.index
        let keyword = scanner.read { $0.isASCIILetter || $0.isASCIIDigit }
        switch keyword {
        case "status": return .status
        case "version": return .version
        case "url": return .url
        case "ip": return .ip
        case "redirects": return .redirects
        case "body": return .body
        case "duration": return .duration
        case "bytes": return .bytes
        case "sha256": return .sha256
        case "md5": return .md5
        case "header": return .header(try parseQuotedArgument(of: keyword))
        case "cookie": return .cookie(try parseQuotedArgument(of: keyword))
        case "xpath": return .xpath(try parseQuotedArgument(of: keyword))
        case "jsonpath": return .jsonpath(try parseQuotedArgument(of: keyword))
        case "variable": return .variable(try parseQuotedArgument(of: keyword))
        case "certificate": return .certificate(try parseQuotedArgument(of: keyword))
        case "regex":
            try requireSpace(after: keyword)
            return .regex(try parsePattern())
        default:
            throw error(at: start, message: keyword.isEmpty ? "expected a query (status, header, jsonpath, ...)" : "unknown query '\(keyword)'")
        }
    }

    private mutating func requireSpace(after word: String) throws(HurlParseError) {
        guard scanner.skipSpaces() > 0 else { throw error(message: "expected a space after \(word)") }
    }

    private mutating func parseQuotedArgument(of word: String) throws(HurlParseError) -> HurlTemplate {
        try requireSpace(after: word)
        return try parseQuotedString()
    }

    private mutating func parsePattern() throws(HurlParseError) -> HurlPattern {
        if scanner.peek() == "/" { return .regex(try parseRegexLiteral()) }
        return .string(try parseQuotedString())
    }

    /// `/pattern/`; `\/` stands for `/`, other escapes are the regex's own.
    private mutating func parseRegexLiteral() throws(HurlParseError) -> String {
        let start = scanner.index
        scanner.advance()
        var pattern = ScannedText()
        while true {
            guard let scalar = scanner.peek(), !scanner.isAtNewline else { throw error(at: start, message: "unterminated regex, expected '/'") }
            scanner.advance()
            if scalar == "/" { break }
            if scalar == "\\", scanner.peek() == "/" {
                pattern.append("/")
                scanner.advance()
            } else {
                pattern.append(scalar)
                if scalar == "\\", let next = scanner.peek(), !scanner.isAtNewline {
                    pattern.append(next)
                    scanner.advance()
                }
            }
        }
        return pattern.take()
    }

    private mutating func parseFilterArguments(name: String, signature: [HurlFilter.ArgumentKind]) throws(HurlParseError) -> HurlFilter {
        var filter = HurlFilter(name: name)
        for kind in signature {
            try requireSpace(after: name)
            switch kind {
            case .string:
                filter.arguments.append(.string(try parseQuotedString()))
            case .pattern:
                switch try parsePattern() {
                case .string(let text): filter.arguments.append(.string(text))
                case .regex(let pattern): filter.arguments.append(.regex(pattern))
                }
            case .integer:
                let start = scanner.index
                let sign = scanner.consume("-") ? "-" : ""
                let digits = scanner.read { $0.isASCIIDigit }
                guard let value = Int(sign + digits) else { throw error(at: start, message: "expected an integer after \(name)") }
                filter.arguments.append(.integer(value))
            }
        }
        return filter
    }

    private mutating func parsePredicate() throws(HurlParseError) -> HurlPredicate {
        var negated = false
        var start = scanner.index
        var word = readWord()
        if word == "not" {
            negated = true
            try requireSpace(after: word)
            start = scanner.index
            word = readWord()
        }
        guard let function = HurlPredicateFunction(spelling: word) else {
            throw error(at: start, message: "unknown predicate '\(word)'")
        }
        guard function.takesValue else { return HurlPredicate(negated: negated, function: function) }
        try requireSpace(after: word)
        return HurlPredicate(negated: negated, function: function, value: try parsePredicateValue())
    }

    mutating func parsePredicateValue() throws(HurlParseError) -> HurlValue {
        let start = scanner.index
        if scanner.starts(with: "```") { return .multiline(try parseMultilineString()) }
        switch scanner.peek() {
        case "\"": return .string(try parseQuotedString())
        case "`": return .oneline(try parseOnelineString())
        case "/": return .regex(try parseRegexLiteral())
        case "{":
            guard scanner.isAtPlaceholder else { break }
            return .placeholder(try parsePlaceholder())
        default: break
        }
        if let encoded = try parseEncodedValue() { return encoded }
        let word = scanner.read { !$0.isSpaceOrTab && $0 != "\n" && $0 != "\r" && $0 != "#" }
        switch word {
        case "true": return .bool(true)
        case "false": return .bool(false)
        case "null": return .null
        default:
            if Self.isNumberLiteral(word) { return .number(word) }
        }
        throw error(at: start, message: "expected a value: a \"string\", number, true, false, null, {{variable}}, /regex/ or ```text```")
    }

    static func isNumberLiteral(_ text: String) -> Bool {
        var scalars = Substring(text).unicodeScalars[...]
        if scalars.first == "-" { scalars.removeFirst() }
        let integer = scalars.prefix { $0.isASCIIDigit }
        guard !integer.isEmpty else { return false }
        scalars.removeFirst(integer.count)
        if scalars.first == "." {
            scalars.removeFirst()
            let fraction = scalars.prefix { $0.isASCIIDigit }
            guard !fraction.isEmpty else { return false }
            scalars.removeFirst(fraction.count)
        }
        if scalars.first == "e" || scalars.first == "E" {
            scalars.removeFirst()
            if scalars.first == "+" || scalars.first == "-" { scalars.removeFirst() }
            let exponent = scalars.prefix { $0.isASCIIDigit }
            guard !exponent.isEmpty else { return false }
            scalars.removeFirst(exponent.count)
        }
        return scalars.isEmpty
    }
}

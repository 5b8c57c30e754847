extension HurlFileParser {
    static let responseSectionNames: Set<String> = ["Captures", "Asserts"]

    mutating func parseRequestSection(name: String, leading: [HurlTrivia.Line]) throws(HurlParseError) -> HurlRequestSection {
        scanner.skipSpaces()
        let line = scanner.currentLine
        guard let kind = HurlRequestSection.names[name] else {
            throw error(message: Self.responseSectionNames.contains(name)
                ? "[\(name)] belongs to a response: add a response line (HTTP <status>) before it"
                : "unknown section [\(name)]")
        }
        scanner.advance(name.unicodeScalars.count + 2)
        let trivia = HurlTrivia(leadingLines: leading, trailingComment: try finishLine())
        let content: HurlRequestSection.Content
        switch kind {
        case .query: content = .query(try parseItems { parser, leading throws(HurlParseError) in try parser.parseKeyValue(leading: leading) })
        case .form: content = .form(try parseItems { parser, leading throws(HurlParseError) in try parser.parseKeyValue(leading: leading) })
        case .cookies: content = .cookies(try parseItems { parser, leading throws(HurlParseError) in try parser.parseKeyValue(leading: leading) })
        case .basicAuth: content = .basicAuth(try parseItems { parser, leading throws(HurlParseError) in try parser.parseKeyValue(leading: leading) })
        case .multipart: content = .multipart(try parseItems { parser, leading throws(HurlParseError) in try parser.parseMultipartField(leading: leading) })
        case .options: content = .options(try parseItems { parser, leading throws(HurlParseError) in try parser.parseOption(leading: leading) })
        }
        return HurlRequestSection(name: name, content: content, trivia: trivia, line: line)
    }

    mutating func parseResponseSection(name: String, leading: [HurlTrivia.Line]) throws(HurlParseError) -> HurlResponseSection {
        scanner.skipSpaces()
        let line = scanner.currentLine
        guard Self.responseSectionNames.contains(name) else {
            throw error(message: HurlRequestSection.names[name] != nil
                ? "[\(name)] belongs to a request: move it above the response line"
                : "unknown section [\(name)]")
        }
        scanner.advance(name.unicodeScalars.count + 2)
        let trivia = HurlTrivia(leadingLines: leading, trailingComment: try finishLine())
        let content: HurlResponseSection.Content = name == "Captures"
            ? .captures(try parseItems { parser, leading throws(HurlParseError) in try parser.parseCapture(leading: leading) })
            : .asserts(try parseItems { parser, leading throws(HurlParseError) in try parser.parseAssert(leading: leading) })
        return HurlResponseSection(name: name, content: content, trivia: trivia, line: line)
    }

    /// Items of a section: every following line that does not start something else.
    private mutating func parseItems<Item>(
        _ parseItem: (inout HurlFileParser, [HurlTrivia.Line]) throws(HurlParseError) -> Item
    ) throws(HurlParseError) -> [Item] {
        var items: [Item] = []
        while true {
            let mark = scanner.index
            let leading = readTriviaLines()
            guard !scanner.isAtEnd, classifyLine() == .other else {
                scanner.index = mark
                return items
            }
            items.append(try parseItem(&self, leading))
        }
    }

    mutating func parseMultipartField(leading: [HurlTrivia.Line]) throws(HurlParseError) -> HurlMultipartField {
        scanner.skipSpaces()
        let line = scanner.currentLine
        let name = try parseKeyAndColon()
        let content: HurlMultipartField.Content
        if let path = try parseFileReference() {
            scanner.skipSpaces()
            let contentType = scanner.read { !$0.isSpaceOrTab && $0 != "#" && $0 != "\n" && $0 != "\r" }
            content = .file(path: path, contentType: contentType.isEmpty ? nil : contentType)
        } else {
            content = .text(try parseValueString())
        }
        let trailing = try finishLine()
        return HurlMultipartField(name: name, content: content, trivia: HurlTrivia(leadingLines: leading, trailingComment: trailing), line: line)
    }

    mutating func parseOption(leading: [HurlTrivia.Line]) throws(HurlParseError) -> HurlOption {
        scanner.skipSpaces()
        let line = scanner.currentLine
        let nameStart = scanner.index
        let name = scanner.read { $0.isASCIILetter || $0.isASCIIDigit || $0 == "-" || $0 == "." }
        guard !name.isEmpty else { throw error(message: "expected an option name") }
        scanner.skipSpaces()
        guard scanner.consume(":") else { throw error(message: "expected ':' after the option name") }
        scanner.skipSpaces()
        let valueStart = scanner.index
        let value = try parseValueString()
        if name == "variable" {
            guard let literal = value.description.split(separator: "=", maxSplits: 1).first,
                  value.description.contains("="), HurlPlaceholder.isVariableName(String(literal).trimmingSpaces()) else {
                throw error(at: valueStart, message: "expected name=value after variable:")
            }
        }
        if !HurlOption.knownNames.contains(name) {
            warnings.append(HurlParseWarning(fileName: fileName, line: line, column: scanner.column(at: nameStart),
                                             message: "unknown option '\(name)' is ignored"))
        }
        let trailing = try finishLine()
        return HurlOption(name: name, value: value, trivia: HurlTrivia(leadingLines: leading, trailingComment: trailing), line: line)
    }
}

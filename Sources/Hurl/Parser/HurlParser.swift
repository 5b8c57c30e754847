/// Parses Hurl files (https://hurl.dev/docs/grammar.html, core subset) into a ``HurlFile``.
public enum HurlParser {
    public static func parse(_ text: String, fileName: String) throws(HurlParseError) -> HurlFile {
        var parser = HurlFileParser(text: text, fileName: fileName)
        return try parser.parseFile()
    }

    /// One `[Asserts]` line on its own (`status == 200`, `jsonpath "$.id" exists`), as the shell's
    /// `expect` takes it; errors point into `line`.
    public static func parseAssert(_ line: String, fileName: String) throws(HurlParseError) -> HurlAssert {
        var parser = HurlFileParser(text: line, fileName: fileName)
        let assert = try parser.parseAssert(leading: [])
        try parser.requireEnd()
        return assert
    }
}

/// The recursive-descent parser behind ``HurlParser``; Hurl is line-based except for bodies.
struct HurlFileParser {
    var scanner: HurlScanner
    let fileName: String
    var warnings: [HurlParseWarning] = []

    init(text: String, fileName: String, firstLine: Int = 1) {
        scanner = HurlScanner(text, firstLine: firstLine)
        self.fileName = fileName
    }

    mutating func parseFile() throws(HurlParseError) -> HurlFile {
        var entries: [HurlEntry] = []
        while true {
            let leading = readTriviaLines()
            if scanner.isAtEnd {
                return HurlFile(fileName: fileName, entries: entries, trailingLines: leading, warnings: warnings)
            }
            entries.append(try parseEntry(leading: leading))
        }
    }

    mutating func parseEntry(leading: [HurlTrivia.Line]) throws(HurlParseError) -> HurlEntry {
        let (authProfile, requestLeading) = Self.extractAuthProfile(from: leading)
        let request = try parseRequest(leading: requestLeading)
        var response: HurlResponse?
        let mark = scanner.index
        let responseLeading = readTriviaLines()
        if classifyLine() == .response {
            response = try parseResponse(leading: responseLeading)
        } else {
            scanner.index = mark
        }
        let next = scanner.index
        _ = readTriviaLines()
        if !scanner.isAtEnd, classifyLine() != .method {
            throw error(message: response == nil
                ? "expected a header, a section, a body, a response line (HTTP <status>) or the next request"
                : "expected a response header, a section, a body or the next request")
        }
        scanner.index = next
        return HurlEntry(authProfile: authProfile, request: request, response: response)
    }

    private mutating func parseRequest(leading: [HurlTrivia.Line]) throws(HurlParseError) -> HurlRequest {
        scanner.skipSpaces()
        let line = scanner.currentLine
        let method = scanner.read { ("A"..."Z").contains($0) }
        guard !method.isEmpty else {
            throw error(message: "expected an HTTP method (an upper-case word such as GET) followed by a URL")
        }
        guard scanner.peek()?.isSpaceOrTab == true else {
            throw error(message: "expected a space and a URL after the method")
        }
        scanner.skipSpaces()
        let urlStart = scanner.index
        let url = try parseValueString()
        guard !url.isEmpty else { throw error(at: urlStart, message: "expected a URL after the method") }
        let trailing = try finishLine()
        var request = HurlRequest(method: method, url: url, trivia: HurlTrivia(leadingLines: leading, trailingComment: trailing), line: line)
        request.headers = try parseHeaders()
        while let (name, sectionLeading) = nextSection() {
            request.sections.append(try parseRequestSection(name: name, leading: sectionLeading))
        }
        request.body = try parseOptionalBody()
        return request
    }

    private mutating func parseResponse(leading: [HurlTrivia.Line]) throws(HurlParseError) -> HurlResponse {
        scanner.skipSpaces()
        let line = scanner.currentLine
        let versionStart = scanner.index
        let version = scanner.read { !$0.isSpaceOrTab && $0 != "\n" && $0 != "\r" && $0 != "#" }
        guard HurlResponse.versions.contains(version) else {
            throw error(at: versionStart, message: "expected HTTP, HTTP/1.0, HTTP/1.1, HTTP/2, HTTP/3 or HTTP/*")
        }
        guard scanner.skipSpaces() > 0 else { throw error(message: "expected a space and a status code") }
        let statusStart = scanner.index
        let status: HurlStatus
        if scanner.consume("*") {
            status = .any
        } else {
            let digits = scanner.read { $0.isASCIIDigit }
            guard let code = Int(digits), digits.count <= 3, scanner.isAtLineEnd || scanner.peek()?.isSpaceOrTab == true else {
                throw error(at: statusStart, message: "expected a status code (such as 200) or *")
            }
            status = .code(code)
        }
        let trailing = try finishLine()
        var response = HurlResponse(version: version, status: status, trivia: HurlTrivia(leadingLines: leading, trailingComment: trailing), line: line)
        response.headers = try parseHeaders()
        while let (name, sectionLeading) = nextSection() {
            response.sections.append(try parseResponseSection(name: name, leading: sectionLeading))
        }
        response.body = try parseOptionalBody()
        return response
    }

    private mutating func parseHeaders() throws(HurlParseError) -> [HurlKeyValue] {
        var headers: [HurlKeyValue] = []
        while true {
            let mark = scanner.index
            let leading = readTriviaLines()
            guard !scanner.isAtEnd, classifyLine() == .other else {
                scanner.index = mark
                return headers
            }
            headers.append(try parseKeyValue(leading: leading, isHeader: true))
        }
    }

    /// The next line's section name, with the trivia before it, if the next line is a section header.
    private mutating func nextSection() -> (String, [HurlTrivia.Line])? {
        let mark = scanner.index
        let leading = readTriviaLines()
        if case .section(let name) = classifyLine() {
            return (name, leading)
        }
        scanner.index = mark
        return nil
    }

    private mutating func parseOptionalBody() throws(HurlParseError) -> HurlBody? {
        let mark = scanner.index
        let leading = readTriviaLines()
        guard classifyLine() == .body else {
            scanner.index = mark
            return nil
        }
        scanner.skipSpaces()
        let line = scanner.currentLine
        let content = try parseBodyContent()
        let trailing = try finishLine()
        return HurlBody(content, trivia: HurlTrivia(leadingLines: leading, trailingComment: trailing), line: line)
    }

    /// Moves a `# @auth NAME` directive from the comment block directly above a request line into
    /// the entry (see ``HurlEntry``).
    static func extractAuthProfile(from leading: [HurlTrivia.Line]) -> (String?, [HurlTrivia.Line]) {
        var lines = leading
        var index = lines.count - 1
        while index >= 0, case .comment(let text) = lines[index] {
            let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" })
            if words.count == 2, words[0] == "@auth" {
                lines.remove(at: index)
                return (String(words[1]), lines)
            }
            index -= 1
        }
        return (nil, leading)
    }

    func error(at position: Int? = nil, message: String) -> HurlParseError {
        let position = position ?? scanner.index
        let line = scanner.line(at: position)
        return HurlParseError(fileName: fileName, line: line, column: scanner.column(at: position),
                              message: message, sourceLine: scanner.lineText(line))
    }
}

/// Writes a ``HurlFile`` in canonical form: no indentation, single spaces between tokens, `[Section]`
/// names as parsed, comments and blank lines where they were. Parsing the output gives the same file.
public enum HurlWriter {
    public static func write(_ file: HurlFile) -> String {
        var output = HurlOutput()
        for entry in file.entries {
            output.write(entry)
        }
        output.writeLines(file.trailingLines)
        return output.text
    }

    /// One entry alone, e.g. to save or show a single request.
    public static func write(_ entry: HurlEntry) -> String {
        var output = HurlOutput()
        output.write(entry)
        return output.text
    }
}

/// The text being written, one line at a time.
struct HurlOutput {
    var text = ""

    mutating func writeLines(_ lines: [HurlTrivia.Line]) {
        for line in lines {
            switch line {
            case .blank: text += "\n"
            case .comment(let comment): text += "#\(comment)\n"
            }
        }
    }

    mutating func line(_ content: String, _ trivia: HurlTrivia) {
        writeLines(trivia.leadingLines)
        text += content
        if let comment = trivia.trailingComment {
            text += content.isEmpty ? "#\(comment)" : " #\(comment)"
        }
        text += "\n"
    }

    mutating func write(_ entry: HurlEntry) {
        let request = entry.request
        var trivia = request.trivia
        if let profile = entry.authProfile {
            trivia.leadingLines.append(.comment(" @auth \(profile)"))
        }
        line("\(request.method) \(HurlEscaping.valueString(request.url))", trivia)
        for header in request.headers { write(header) }
        for section in request.sections {
            line("[\(section.name)]", section.trivia)
            switch section.content {
            case .query(let items), .form(let items), .cookies(let items), .basicAuth(let items):
                for item in items { write(item) }
            case .multipart(let fields):
                for field in fields { write(field) }
            case .options(let options):
                for option in options {
                    line("\(option.name): \(HurlEscaping.valueString(option.value))", option.trivia)
                }
            }
        }
        if let body = request.body { write(body) }
        if let response = entry.response { write(response) }
    }

    private mutating func write(_ response: HurlResponse) {
        line("\(response.version) \(response.status)", response.trivia)
        for header in response.headers { write(header) }
        for section in response.sections {
            line("[\(section.name)]", section.trivia)
            switch section.content {
            case .captures(let captures):
                for capture in captures {
                    line(HurlWriter.text(of: capture), capture.trivia)
                }
            case .asserts(let asserts):
                for assert in asserts {
                    line(HurlWriter.text(of: assert), assert.trivia)
                }
            }
        }
        if let body = response.body { write(body) }
    }

    private mutating func write(_ keyValue: HurlKeyValue) {
        let value = HurlEscaping.valueString(keyValue.value)
        line("\(HurlEscaping.keyString(keyValue.key)):" + (value.isEmpty ? "" : " \(value)"), keyValue.trivia)
    }

    private mutating func write(_ field: HurlMultipartField) {
        let value: String
        switch field.content {
        case .text(let text):
            value = HurlEscaping.multipartText(text)
        case .file(let path, let contentType):
            value = HurlSyntax.file(path) + (contentType.map { " \($0)" } ?? "")
        }
        line("\(HurlEscaping.keyString(field.name)):" + (value.isEmpty ? "" : " \(value)"), field.trivia)
    }

    private mutating func write(_ body: HurlBody) {
        let content: String
        switch body.content {
        case .json(let raw), .xml(let raw): content = raw
        case .multiline(let multiline): content = HurlSyntax.multiline(multiline)
        case .oneline(let text): content = HurlSyntax.oneline(text)
        case .base64(let encoded): content = "base64,\(encoded);"
        case .hex(let digits): content = "hex,\(digits);"
        case .file(let path): content = HurlSyntax.file(path)
        }
        line(content, body.trivia)
    }
}

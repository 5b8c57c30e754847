/// The canonical text of queries, filters, predicates and values.
enum HurlSyntax {
    static func query(_ query: HurlQuery) -> String {
        switch query {
        case .header(let name), .cookie(let name), .xpath(let name), .jsonpath(let name), .variable(let name), .certificate(let name):
            "\(query.keyword) \(HurlEscaping.quoted(name))"
        case .regex(let pattern):
            "regex \(self.pattern(pattern))"
        default:
            query.keyword
        }
    }

    static func pattern(_ pattern: HurlPattern) -> String {
        switch pattern {
        case .string(let text): HurlEscaping.quoted(text)
        case .regex(let regex): HurlEscaping.regexLiteral(regex)
        }
    }

    static func filter(_ filter: HurlFilter) -> String {
        var text = filter.name
        for argument in filter.arguments {
            switch argument {
            case .string(let string): text += " " + HurlEscaping.quoted(string)
            case .regex(let regex): text += " " + HurlEscaping.regexLiteral(regex)
            case .integer(let integer): text += " \(integer)"
            }
        }
        return text
    }

    static func predicate(_ predicate: HurlPredicate) -> String {
        var text = predicate.negated ? "not " : ""
        text += predicate.function.rawValue
        if let value = predicate.value { text += " " + self.value(value) }
        return text
    }

    static func value(_ value: HurlValue) -> String {
        switch value {
        case .string(let text): HurlEscaping.quoted(text)
        case .number(let literal): literal
        case .bool(let bool): bool ? "true" : "false"
        case .null: "null"
        case .placeholder(let placeholder): placeholder.description
        case .regex(let regex): HurlEscaping.regexLiteral(regex)
        case .oneline(let text): oneline(text)
        case .multiline(let multiline): self.multiline(multiline)
        case .base64(let encoded): "base64,\(encoded);"
        case .hex(let digits): "hex,\(digits);"
        case .file(let path): file(path)
        }
    }

    /// `file,NAME;`, the name escaped as the parser reads it back.
    static func file(_ path: HurlTemplate) -> String {
        "file,\(HurlEscaping.valueString(path, alsoEscaping: [";"]));"
    }

    static func oneline(_ text: HurlTemplate) -> String {
        "`" + HurlEscaping.escaped(text, escaping: ["`"]) + "`"
    }

    static func multiline(_ multiline: HurlMultilineString) -> String {
        let header = (multiline.language ?? "") + multiline.attributes.map { ",\($0)" }.joined()
        return "```\(header)\n\(multiline.text)```"
    }
}

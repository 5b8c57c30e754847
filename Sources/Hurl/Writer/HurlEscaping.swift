/// Escapes text so that the parser reads it back unchanged.
enum HurlEscaping {
    /// A key: `:`, `#` and spaces cannot appear raw, and a key must not start the way a body or a
    /// section does (`[`, `{`, `<`, a backquote, `base64,`…), or its line would be read as one.
    static func keyString(_ template: HurlTemplate) -> String {
        escapingFirstCharacter(of: escaped(template, escaping: [":", "#"], spacesAsUnicode: true),
                               ifItStarts: ["[", "{", "<", "`", "base64,", "hex,", "file,"])
    }

    /// A multipart field's text: one starting with `file,` would be read as a file part.
    static func multipartText(_ template: HurlTemplate) -> String {
        escapingFirstCharacter(of: valueString(template), ifItStarts: ["file,"])
    }

    /// Writes the first character of `text` as `\u{…}` when the text starts with one of `prefixes`
    /// (a placeholder's `{{` aside), so that the parser does not take it for what those start.
    private static func escapingFirstCharacter(of text: String, ifItStarts prefixes: [String]) -> String {
        guard let first = text.unicodeScalars.first, !text.hasPrefix("{{"), prefixes.contains(where: text.hasPrefix) else { return text }
        return "\\u{\(String(first.value, radix: 16))}" + String(text.unicodeScalars.dropFirst())
    }

    /// A value up to the end of the line: `#` starts a comment, spaces at either end would be dropped.
    static func valueString(_ template: HurlTemplate, alsoEscaping extra: Set<Unicode.Scalar> = []) -> String {
        var text = escaped(template, escaping: extra.union(["#"]))
        if text.hasPrefix(" ") { text = "\\u{20}" + text.dropFirst() }
        if text.hasSuffix(" ") { text = text.dropLast() + "\\u{20}" }
        return text
    }

    static func quoted(_ template: HurlTemplate) -> String {
        "\"" + escaped(template, escaping: ["\""]) + "\""
    }

    static func regexLiteral(_ pattern: String) -> String {
        var text = ""
        var previous: Unicode.Scalar?
        for scalar in pattern.unicodeScalars {
            if scalar == "/", previous != "\\" { text += "\\/" } else { text.unicodeScalars.append(scalar) }
            previous = previous == "\\" ? nil : scalar
        }
        return "/" + text + "/"
    }

    static func escaped(_ template: HurlTemplate, escaping special: Set<Unicode.Scalar>, spacesAsUnicode: Bool = false) -> String {
        var output = ""
        for (position, part) in template.parts.enumerated() {
            switch part {
            case .placeholder(let placeholder):
                output += placeholder.description
            case .text(let text):
                // Most text (a JSONPath, a header name) has nothing to escape: it is copied whole.
                if !text.unicodeScalars.contains(where: { $0 == "{" || $0 == "\\" || $0.value < 0x20 || (spacesAsUnicode && $0 == " ") || special.contains($0) }) {
                    output += text
                    continue
                }
                let scalars = Array(text.unicodeScalars)
                let placeholderFollows = template.parts.indices.contains(position + 1)
                for (index, scalar) in scalars.enumerated() {
                    switch scalar {
                    // A literal `{{` (or a `{` right before a placeholder) would be read as a placeholder's
                    // start; `\u{7b}` is an escape every kind of Hurl string reads.
                    case "{" where index + 1 < scalars.count ? scalars[index + 1] == "{" : placeholderFollows:
                        output += "\\u{7b}"
                    case "\\": output += "\\\\"
                    case "\n": output += "\\n"
                    case "\r": output += "\\r"
                    case "\t": output += "\\t"
                    case "\u{08}": output += "\\b"
                    case "\u{0C}": output += "\\f"
                    case " " where spacesAsUnicode: output += "\\u{20}"
                    default:
                        if special.contains(scalar) { output += "\\" }
                        output.unicodeScalars.append(scalar)
                    }
                }
            }
        }
        return output
    }
}

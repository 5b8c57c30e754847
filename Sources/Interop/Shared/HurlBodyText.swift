import Hurl

/// Chooses how a text body is written in Hurl so that it reads back, and is sent, byte for byte.
enum HurlBodyText {
    static func body(for text: String, contentType: String?) -> HurlBody {
        if isSelfContainedJSON(text) { return HurlBody(.json(text)) }
        // A ``` block always ends its text with a newline, so only text ending with one fits it;
        // anything else goes in a one-line string, which escapes newlines.
        if text.hasSuffix("\n"), !text.contains("```") {
            let isJSON = contentType?.lowercased().contains("json") == true
            return HurlBody(.multiline(HurlMultilineString(language: isJSON ? "json" : nil, text: text)))
        }
        return HurlBody(.oneline(HurlTemplate.parse(raw: text)))
    }

    /// Text that Hurl's JSON body reads whole: it opens with `{` or `[` and its brackets close
    /// exactly at its end (strings skipped, as the parser does).
    static func isSelfContainedJSON(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard let first = scalars.first, first == "{" || first == "[" else { return false }
        var depth = 0
        var index = 0
        while index < scalars.count {
            switch scalars[index] {
            case "{", "[": depth += 1
            case "}", "]":
                depth -= 1
                if depth == 0 { return index == scalars.count - 1 }
            case "\"":
                index += 1
                while index < scalars.count, scalars[index] != "\"" { index += scalars[index] == "\\" ? 2 : 1 }
                if index >= scalars.count { return false }
            default: break
            }
            index += 1
        }
        return false
    }
}

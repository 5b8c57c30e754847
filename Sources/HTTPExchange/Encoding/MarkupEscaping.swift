/// Text made safe inside HTML or XML markup, in element content and in quoted attribute values: the
/// sandbox's pages, `auth diagram --svg`, and the JUnit and HTML reports of `apish run`.
public enum MarkupEscaping {
    public static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&apos;"
            case "\n", "\t", "\r": escaped.unicodeScalars.append(scalar)
            default:
                // XML 1.0 allows no other control character at all, escaped or not.
                if scalar.value < 0x20 { escaped += "\u{FFFD}" } else { escaped.unicodeScalars.append(scalar) }
            }
        }
        return escaped
    }
}

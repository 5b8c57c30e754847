import Foundation

/// Hurl's date formats (strftime, as Rust's chrono reads them) turned into Foundation formatters,
/// always in UTC unless the text carries its own offset.
enum StrftimeFormat {
    static func formatter(_ format: String) -> DateFormatter? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        guard let pattern = pattern(format) else { return nil }
        formatter.dateFormat = pattern
        return formatter
    }

    /// The ICU pattern for a strftime format; nil for a directive apish does not know.
    static func pattern(_ format: String) -> String? {
        let directives: [String: String] = [
            "Y": "yyyy", "y": "yy", "m": "MM", "d": "dd", "e": "d", "H": "HH", "I": "hh", "M": "mm", "S": "ss",
            "p": "a", "a": "EEE", "A": "EEEE", "b": "MMM", "h": "MMM", "B": "MMMM", "j": "DDD", "z": "xx", ":z": "xxx",
            "Z": "zzz", "T": "HH:mm:ss", "F": "yyyy-MM-dd", "D": "MM/dd/yy", "R": "HH:mm", ".f": ".SSS", "f": "SSSSSSSSS",
            ".3f": ".SSS", ".6f": ".SSSSSS", ".9f": ".SSSSSSSSS", "+": "yyyy-MM-dd'T'HH:mm:ss.SSSxxx",
        ]
        var pattern = ""
        var literal = ""
        func flushLiteral() {
            guard !literal.isEmpty else { return }
            pattern += "'" + literal.replacingOccurrences(of: "'", with: "''") + "'"
            literal = ""
        }
        var rest = Substring(format)
        while let first = rest.first {
            rest = rest.dropFirst()
            guard first == "%" else {
                if first.isLetter { literal.append(first) } else { flushLiteral(); pattern.append(first == "'" ? "''" : String(first)) }
                continue
            }
            if rest.first == "%" {
                literal.append("%")
                rest = rest.dropFirst()
                continue
            }
            guard let key = directives.keys.filter({ rest.hasPrefix($0) }).max(by: { $0.count < $1.count }) else { return nil }
            flushLiteral()
            pattern += directives[key]!
            rest = rest.dropFirst(key.count)
        }
        flushLiteral()
        return pattern
    }
}

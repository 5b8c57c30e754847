import Foundation

/// `format "FORMAT"` (older name `dateFormat`): a date written with a strftime format, in UTC.
enum FormatFilter: RunFilter {
    static func apply(to input: RunValue, _ arguments: FilterArguments) throws(EvaluationError) -> RunValue? {
        let seconds: Double
        switch input {
        case .date(let value): seconds = value
        case .string(let text):
            guard let parsed = ISODate.parse(text) ?? HTTPDateText.parse(text) else { throw arguments.mismatch(input, expected: "a date") }
            seconds = parsed
        default: throw arguments.mismatch(input, expected: "a date")
        }
        let format = try arguments.string(0)
        guard let formatter = StrftimeFormat.formatter(format) else {
            throw EvaluationError("\(arguments.filterText): unsupported date format \(RunValue.string(format).display)")
        }
        return .string(formatter.string(from: Date(timeIntervalSince1970: seconds)))
    }
}

/// Cookie `Expires` dates (`Wed, 13 Jan 2021 22:23:01 GMT`, also with `-` between the parts).
enum HTTPDateText {
    static func parse(_ text: String) -> Double? {
        let normalized = text.replacingOccurrences(of: "-", with: " ")
        for pattern in ["EEE, dd MMM yyyy HH:mm:ss zzz", "EEE, dd MMM yy HH:mm:ss zzz"] {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "UTC")
            formatter.dateFormat = pattern
            if let date = formatter.date(from: normalized) { return date.timeIntervalSince1970 }
        }
        return nil
    }
}

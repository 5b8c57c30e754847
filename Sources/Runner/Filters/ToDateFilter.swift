import Foundation

/// `toDate "FORMAT"`: a date read from text with a strftime format (`%+` is RFC 3339).
enum ToDateFilter: RunFilter {
    static func apply(to input: RunValue, _ arguments: FilterArguments) throws(EvaluationError) -> RunValue? {
        guard case .string(let text) = input else { throw arguments.mismatch(input, expected: "a string") }
        let format = try arguments.string(0)
        if format == "%+", let seconds = ISODate.parse(text) { return .date(seconds) }
        guard let formatter = StrftimeFormat.formatter(format) else {
            throw EvaluationError("\(arguments.filterText): unsupported date format \(RunValue.string(format).display)")
        }
        guard let date = formatter.date(from: text) else {
            throw EvaluationError("\(arguments.filterText): \(input.display) does not match the format")
        }
        return .date(date.timeIntervalSince1970)
    }
}

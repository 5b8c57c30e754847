import Foundation

/// `daysBeforeNow`: whole days from a date until now (negative when it is ahead).
enum DaysBeforeNowFilter: RunFilter {
    static func apply(to input: RunValue, _ arguments: FilterArguments) throws(EvaluationError) -> RunValue? {
        guard case .date(let seconds) = input else { throw arguments.mismatch(input, expected: "a date") }
        return .integer(Int(((Date().timeIntervalSince1970 - seconds) / 86400).rounded(.towardZero)))
    }
}

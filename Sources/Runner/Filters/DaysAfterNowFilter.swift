import Foundation

/// `daysAfterNow`: whole days from now until a date (negative when it is past).
enum DaysAfterNowFilter: RunFilter {
    static func apply(to input: RunValue, _ arguments: FilterArguments) throws(EvaluationError) -> RunValue? {
        guard case .date(let seconds) = input else { throw arguments.mismatch(input, expected: "a date") }
        return .integer(Int(((seconds - Date().timeIntervalSince1970) / 86400).rounded(.towardZero)))
    }
}

import JSON

/// `toInt`: an integer from its text, or a number truncated toward zero.
enum ToIntFilter: RunFilter {
    static func apply(to input: RunValue, _ arguments: FilterArguments) throws(EvaluationError) -> RunValue? {
        switch input {
        case .string(let text):
            guard let value = Int(text.trimmingCharacters(in: " \t")) else {
                throw EvaluationError("\(arguments.filterText): \(input.display) is not an integer")
            }
            return .integer(value)
        case .number(let number):
            if let value = number.intValue { return .integer(value) }
            let double = number.doubleValue
            guard double.isFinite, abs(double) < 9.2e18 else { throw EvaluationError("\(arguments.filterText): \(number) does not fit an integer") }
            return .integer(Int(double.rounded(.towardZero)))
        default:
            throw arguments.mismatch(input, expected: "a string or a number")
        }
    }
}

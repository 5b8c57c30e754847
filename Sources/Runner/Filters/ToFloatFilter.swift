import JSON

/// `toFloat`: a float from its text or from a number.
enum ToFloatFilter: RunFilter {
    static func apply(to input: RunValue, _ arguments: FilterArguments) throws(EvaluationError) -> RunValue? {
        switch input {
        case .string(let text):
            guard let value = Double(text.trimmingCharacters(in: " \t")), value.isFinite else {
                throw EvaluationError("\(arguments.filterText): \(input.display) is not a number")
            }
            return .number(JSONNumber(value))
        case .number(let number):
            return .number(JSONNumber(number.doubleValue))
        default:
            throw arguments.mismatch(input, expected: "a string or a number")
        }
    }
}

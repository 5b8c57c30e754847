/// `toString`: the value as text (numbers and booleans as written, collections as JSON).
enum ToStringFilter: RunFilter {
    static func apply(to input: RunValue, _ arguments: FilterArguments) throws(EvaluationError) -> RunValue? {
        .string(input.templateText)
    }
}

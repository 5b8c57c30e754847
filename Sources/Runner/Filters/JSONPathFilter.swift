import JSON

/// `jsonpath "EXPR"`: evaluates JSONPath over text that holds JSON (or over a collection).
enum JSONPathFilter: RunFilter {
    static func apply(to input: RunValue, _ arguments: FilterArguments) throws(EvaluationError) -> RunValue? {
        let document: JSONValue
        switch input {
        case .string(let text):
            do {
                document = try JSONValue.parse(text)
            } catch {
                throw EvaluationError("\(arguments.filterText): the value is not valid JSON: \(error.message)")
            }
        default:
            guard let json = input.json else { throw arguments.mismatch(input, expected: "JSON text or a collection") }
            document = json
        }
        return try JSONPathSupport.evaluate(try arguments.string(0), in: document)
    }
}

import JSON

extension FilterFunction {
    /// length(value): characters of a string, elements of an array, members of an object; else Nothing.
    static let length = FilterFunction(name: "length", parameters: [.value], result: .value) { arguments, _ in
        guard case .value(let argument?) = arguments[0] else { return .value(nil) }
        switch argument {
        case .string(let text): return .value(.number(JSONNumber(text.unicodeScalars.count)))
        case .array(let elements): return .value(.number(JSONNumber(elements.count)))
        case .object(let object): return .value(.number(JSONNumber(object.count)))
        default: return .value(nil)
        }
    }
}

/// `count`: the number of items of a list or object, or of bytes.
enum CountFilter: RunFilter {
    static func apply(to input: RunValue, _ arguments: FilterArguments) throws(EvaluationError) -> RunValue? {
        switch input {
        case .list(let items): .integer(items.count)
        case .object(let object): .integer(object.count)
        case .bytes(let bytes): .integer(bytes.count)
        default: throw arguments.mismatch(input, expected: "a list, an object or bytes")
        }
    }
}

import Hurl

/// `exists` (the query found a value) and `isEmpty` (an empty string, collection or bytes).
enum ExistencePredicates {
    static func evaluate(_ function: HurlPredicateFunction, _ actual: RunValue?) throws(EvaluationError) -> (Bool, String) {
        if function == .exists { return (actual != nil, "something") }
        switch actual {
        case .string(let text): return (text.isEmpty, "empty")
        case .list(let items): return (items.isEmpty, "empty")
        case .object(let object): return (object.isEmpty, "empty")
        case .bytes(let bytes): return (bytes.isEmpty, "empty")
        case nil: return (false, "empty")
        case let value?: throw EvaluationError("isEmpty needs a string, a collection or bytes, got \(value.kindName)")
        }
    }
}

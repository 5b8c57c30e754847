import JSON

/// Reading the loosely typed values of Postman files: a value may be a string, a number or a bool.
extension JSONValue {
    var postmanText: String? {
        switch self {
        case .string(let text): text
        case .number(let number): number.literal
        case .bool(let bool): bool ? "true" : "false"
        default: nil
        }
    }

    var isDisabled: Bool { self["disabled"]?.boolValue == true }

    /// `[{key, value, disabled}]` without the disabled ones.
    var enabledPairs: [(key: String, value: String)] {
        (arrayValue ?? []).filter { !$0.isDisabled && $0["key"]?.postmanText != nil }
            .map { ($0["key"]?.postmanText ?? "", $0["value"]?.postmanText ?? "") }
    }

    /// Auth parameters: v2.1 lists `[{key, value}]`, v2.0 an object.
    var authParameters: [String: String] {
        if let list = arrayValue {
            return Dictionary(list.compactMap { item in item["key"]?.postmanText.map { ($0, item["value"]?.postmanText ?? "") } },
                              uniquingKeysWith: { first, _ in first })
        }
        if let object = objectValue {
            return Dictionary(object.members.compactMap { member in member.value.postmanText.map { (member.key, $0) } },
                              uniquingKeysWith: { first, _ in first })
        }
        return [:]
    }
}

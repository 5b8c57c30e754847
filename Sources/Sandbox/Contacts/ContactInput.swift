import JSON

/// What a create or edit request asks to change, read from its parameters the way Mautic's contact form reads them.
struct ContactInput: Sendable, Equatable {
    /// Field aliases to set; `nil` erases the value.
    var fields: [String: String?] = [:]
    var points: Int?
    var tagsToAdd: [String] = []
    var tagsToRemove: [String] = []

    /// Reads `parameters`. When `keepBlanks` is false (POST and PATCH unless `overwriteWithBlank`),
    /// values PHP considers empty ("", "0", 0, null) are dropped, as Mautic does.
    init(_ parameters: JSONObject, keepBlanks: Bool) throws(MauticError) {
        for (key, value) in parameters.members {
            if key == "points" {
                if let text = RequestParameters.scalarText(value), let number = Self.integer(text) {
                    if number != 0 || keepBlanks { points = number }
                } else if case .null = value, keepBlanks {
                    points = 0
                } else if !Self.isEmpty(value) {
                    throw MauticError.invalidField("points", "This value is not valid.")
                }
            } else if key == "tags" {
                readTags(value)
            } else if ContactField.aliases.contains(key) {
                if Self.isEmpty(value) {
                    if keepBlanks { fields[key] = .some(nil) }
                    continue
                }
                guard let text = RequestParameters.scalarText(value) else {
                    throw MauticError.invalidField(key, "This value is not valid.")
                }
                if key == "email", !Self.looksLikeEmail(text) {
                    throw MauticError.invalidField("email", "This value is not a valid email address.")
                }
                fields[key] = .some(text)
            }
        }
    }

    private mutating func readTags(_ value: JSONValue) {
        var names: [String] = []
        switch value {
        case .array(let items): names = items.compactMap(RequestParameters.scalarText)
        case .object(let object): names = object.members.compactMap { RequestParameters.scalarText($0.value) }
        default: names = (RequestParameters.scalarText(value) ?? "").split(separator: ",").map(String.init)
        }
        for raw in names {
            let name = raw.trimmingCharacters(in: .whitespaces)
            if name.hasPrefix("-") {
                tagsToRemove.append(String(name.dropFirst()))
            } else if !name.isEmpty {
                tagsToAdd.append(name)
            }
        }
    }

    /// An integer from text such as "12" or "12.0"; nil for fractions and for values beyond Int's range.
    static func integer(_ text: String) -> Int? {
        if let exact = Int(text) { return exact }
        guard let double = Double(text) else { return nil }
        return Int(exactly: double)
    }

    static func isEmpty(_ value: JSONValue) -> Bool {
        switch value {
        case .null: return true
        case .string(let text): return text.isEmpty || text == "0"
        case .number(let number): return number.doubleValue == 0
        case .bool(let flag): return !flag
        case .array(let items): return items.isEmpty
        case .object(let object): return object.count == 0
        }
    }

    static func looksLikeEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
              !parts[1].hasPrefix("."), !parts[1].hasSuffix(".") else { return false }
        return !text.contains(where: \.isWhitespace)
    }
}

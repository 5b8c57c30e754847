import JSON

/// Schemas said the way a person reads them at a prompt: `integer(int32) ≤ 100`, `[Pet]`, `"asc" | "desc"`.
public struct SchemaSummary: Sendable {
    public let description: OpenAPIDescription

    public init(_ description: OpenAPIDescription) {
        self.description = description
    }

    /// A property of an object schema: its name, whether it is required, its schema and where that sits.
    public struct Property: Sendable, Equatable {
        public let name: String
        public let required: Bool
        public let schema: JSONValue
        public let pointer: String
    }

    /// One line for a schema; a `$ref` is named by the component it points to.
    public func type(of schema: JSONValue, depth: Int = 0) -> String {
        if let reference = schema["$ref"]?.stringValue {
            return reference.split(separator: "/").last.map { JSONPointer.unescape(String($0)) } ?? reference
        }
        guard depth < 6 else { return "…" }
        if let values = schema["enum"]?.arrayValue {
            let shown = values.prefix(6).map { $0.serialized() }.joined(separator: " | ")
            return values.count > 6 ? shown + " | …" : shown
        }
        if let constant = schema["const"] { return constant.serialized() }
        for (keyword, separator) in [("oneOf", " | "), ("anyOf", " | "), ("allOf", " & ")] {
            if let members = schema[keyword]?.arrayValue, !members.isEmpty {
                let text = members.map { type(of: $0, depth: depth + 1) }.joined(separator: separator)
                return members.count > 1 && depth > 0 ? "(\(text))" : text
            }
        }
        var types = schema["type"].map { value -> [String] in
            value.stringValue.map { [$0] } ?? value.arrayValue?.compactMap(\.stringValue) ?? []
        } ?? []
        var nullable = schema["nullable"]?.boolValue == true
        if types.contains("null") && types.count > 1 {
            nullable = true
            types.removeAll { $0 == "null" }
        }
        if types.isEmpty {
            if schema["properties"] != nil { types = ["object"] } else if schema["items"] != nil { types = ["array"] }
        }
        var text: String
        switch types.first {
        case "array"?:
            text = "[" + (schema["items"].map { type(of: $0, depth: depth + 1) } ?? "any") + "]"
        case let name?:
            text = types.count > 1 ? types.joined(separator: " | ") : name
            if let format = schema["format"]?.stringValue { text += "(\(format))" }
        case nil:
            text = "any"
        }
        text += bounds(of: schema)
        if nullable { text += "?" }
        if let value = schema["default"] { text += " = \(value.serialized())" }
        return text
    }

    /// The properties of an object schema, required first, following `$ref` and merging `allOf`.
    public func properties(of schema: OpenAPISchemaReference) -> [Property] {
        var collected: [Property] = []
        var required: Set<String> = []
        collect(schema.value, at: schema.pointer, into: &collected, required: &required, depth: 0)
        let marked = collected.map { Property(name: $0.name, required: required.contains($0.name), schema: $0.schema, pointer: $0.pointer) }
        return marked.filter(\.required) + marked.filter { !$0.required }
    }

    /// The schema a `$ref` names (with its pointer), or the schema itself.
    public func resolved(_ schema: OpenAPISchemaReference) -> OpenAPISchemaReference {
        description.resolve(schema.value, at: schema.pointer).map { OpenAPISchemaReference(pointer: $0.pointer, value: $0.value) } ?? schema
    }

    private func collect(
        _ schema: JSONValue, at pointer: String, into properties: inout [Property], required: inout Set<String>, depth: Int
    ) {
        guard depth < 8, let (resolved, resolvedPointer) = description.resolve(schema, at: pointer) else { return }
        for name in resolved["required"]?.arrayValue?.compactMap(\.stringValue) ?? [] { required.insert(name) }
        if case .object(let members)? = resolved["properties"] {
            let base = JSONPointer.appending("properties", to: resolvedPointer)
            for (name, value) in members where !properties.contains(where: { $0.name == name }) {
                properties.append(Property(name: name, required: false, schema: value, pointer: JSONPointer.appending(name, to: base)))
            }
        }
        for (index, member) in (resolved["allOf"]?.arrayValue ?? []).enumerated() {
            let memberPointer = JSONPointer.appending(String(index), to: JSONPointer.appending("allOf", to: resolvedPointer))
            collect(member, at: memberPointer, into: &properties, required: &required, depth: depth + 1)
        }
    }

    /// `≤ 100`, `1…64 chars`, `≥ 1 items` — the limits a person checks before typing a value.
    private func bounds(of schema: JSONValue) -> String {
        var parts: [String] = []
        let minimum = schema["minimum"]?.numberValue?.literal, maximum = schema["maximum"]?.numberValue?.literal
        switch (minimum, maximum) {
        case let (low?, high?): parts.append("\(low)…\(high)")
        case let (low?, nil): parts.append("≥ \(low)")
        case let (nil, high?): parts.append("≤ \(high)")
        case (nil, nil): break
        }
        let shortest = schema["minLength"]?.intValue, longest = schema["maxLength"]?.intValue
        switch (shortest, longest) {
        case let (low?, high?) where low == high: parts.append("\(low) chars")
        case let (low?, high?): parts.append("\(low)…\(high) chars")
        case let (low?, nil): parts.append("≥ \(low) chars")
        case let (nil, high?): parts.append("≤ \(high) chars")
        case (nil, nil): break
        }
        return parts.isEmpty ? "" : " " + parts.joined(separator: ", ")
    }
}

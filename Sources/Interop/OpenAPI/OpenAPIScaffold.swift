import Hurl
import JSON
import OpenAPI

/// A description turned into collections: one Hurl file per tag, one entry per operation, filled
/// with the description's examples (else defaults, else a `{{variable}}` to set), expecting the first
/// success it documents and asserting the properties that success requires.
public struct OpenAPIScaffold: Sendable, Equatable {
    public var files: [ImportedFile]
    /// `baseUrl` from the first server, and each placeholder variable the entries use (empty values).
    public var variables: [ImportedVariable]
    /// Placeholder variables with the type their schema asks for: `petId (integer)`.
    public var placeholders: [String]
    public var operationCount: Int

    public static func make(from description: OpenAPIDescription) -> OpenAPIScaffold {
        var builder = Builder(description: description)
        var files: [ImportedFile] = []
        var used: Set<String> = []
        for tag in description.tags {
            let operations = description.operations.filter { ($0.tags.first ?? "default") == tag }
            guard !operations.isEmpty else { continue }
            var name = Self.fileName(tag)
            while used.contains(name) { name += "-" }
            used.insert(name)
            let entries = operations.enumerated().map { index, operation in builder.entry(for: operation, first: index == 0) }
            files.append(ImportedFile(path: name + ".hurl", hurl: HurlFile(fileName: name + ".hurl", entries: entries)))
        }
        var variables = [ImportedVariable(key: "baseUrl", value: Self.baseURL(of: description), isSecret: false)]
        variables += builder.placeholders.map { ImportedVariable(key: $0.name, value: "", isSecret: false) }
        return OpenAPIScaffold(
            files: files, variables: variables, placeholders: builder.placeholders.map { "\($0.name) (\($0.type))" },
            operationCount: description.operations.count)
    }

    static func fileName(_ tag: String) -> String {
        var name = ""
        for character in tag.lowercased() {
            if character.isASCII, character.isLetter || character.isNumber || character == "_" {
                name.append(character)
            } else if !name.isEmpty, name.last != "-" {
                name.append("-")
            }
        }
        while name.hasSuffix("-") { name.removeLast() }
        return name.isEmpty ? "default" : name
    }

    /// The first server's URL without its trailing slash: the entries' paths come after it.
    static func baseURL(of description: OpenAPIDescription) -> String {
        var url = description.document["servers"]?[0]?["url"]?.stringValue ?? ""
        while url.hasSuffix("/") { url.removeLast() }
        return url
    }
}

private struct Builder {
    let description: OpenAPIDescription
    let summary: SchemaSummary
    var placeholders: [(name: String, type: String)] = []

    init(description: OpenAPIDescription) {
        self.description = description
        self.summary = SchemaSummary(description)
    }

    mutating func entry(for operation: OpenAPIOperation, first: Bool) -> HurlEntry {
        var url = "{{baseUrl}}"
        for segment in operation.pathTemplate.segments {
            url += "/" + segment.map { part in
                switch part {
                case .literal(let text): return text
                case .parameter(let name):
                    let parameter = operation.parameters.first { $0.location == .path && $0.name == name }
                    return text(for: parameter, named: name)
                }
            }.joined()
        }
        var headers: [HurlKeyValue] = []
        var query: [HurlKeyValue] = []
        for parameter in operation.parameters where parameter.required || parameter.example != nil {
            switch parameter.location {
            case .query: query.append(HurlKeyValue(key: HurlTemplate(text: parameter.name), value: .parse(raw: text(for: parameter, named: parameter.name))))
            case .header: headers.append(HurlKeyValue(key: HurlTemplate(text: parameter.name), value: .parse(raw: text(for: parameter, named: parameter.name))))
            case .path, .cookie: continue
            }
        }
        var sections: [HurlRequestSection] = []
        if !query.isEmpty { sections.append(HurlRequestSection(name: "Query", content: .query(query))) }
        var body: HurlBody?
        if let content = operation.requestBody?.preferredContent {
            let value = content.example ?? content.schema.map { example(of: $0, name: "body", depth: 0) } ?? .object(JSONObject())
            if content.contentType.hasPrefix("application/x-www-form-urlencoded"), case .object(let members) = value {
                let fields = members.map { HurlKeyValue(key: HurlTemplate(text: $0.key), value: .parse(raw: formText($0.value))) }
                sections.append(HurlRequestSection(name: "Form", content: .form(fields)))
            } else {
                if !content.contentType.lowercased().hasPrefix("application/json") {
                    headers.append(HurlKeyValue(key: "Content-Type", value: HurlTemplate(text: content.contentType)))
                }
                body = HurlBody(.json(JSONTemplate.text(value)))
            }
        }
        var title = operation.summary ?? operation.title
        if let id = operation.operationID { title += " (\(id))" }
        let request = HurlRequest(
            method: operation.method, url: .parse(raw: url), headers: headers, sections: sections, body: body,
            trivia: HurlTrivia(leadingLines: (first ? [] : [.blank]) + [.comment(" " + title.split(whereSeparator: \.isNewline).joined(separator: " "))]))
        return HurlEntry(request: request, response: response(for: operation))
    }

    private func response(for operation: OpenAPIOperation) -> HurlResponse {
        guard let success = operation.firstSuccess else { return HurlResponse(status: .any, trivia: HurlTrivia(leadingLines: [.blank])) }
        let status: HurlStatus = Int(success.status).map(HurlStatus.code) ?? .any
        var asserts: [HurlAssert] = []
        if case .any = status {
            asserts.append(HurlAssert(query: .status, predicate: HurlPredicate(function: .less, value: .number("300"))))
        }
        if let schema = success.content(for: "application/json")?.schema {
            for property in summary.properties(of: schema) where property.required {
                asserts.append(HurlAssert(
                    query: .jsonpath(HurlTemplate(text: "$" + Self.member(property.name))),
                    predicate: HurlPredicate(function: .exists)))
            }
        }
        let sections = asserts.isEmpty ? [] : [HurlResponseSection(name: "Asserts", content: .asserts(asserts))]
        return HurlResponse(status: status, sections: sections, trivia: HurlTrivia(leadingLines: [.blank]))
    }

    /// `.name`, or `['odd name']` for names JSONPath's shorthand cannot take.
    private static func member(_ name: String) -> String {
        let simple = name.first.map { $0.isLetter || $0 == "_" } == true && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
        return simple ? "." + name : "['" + name.replacing("\\", with: "\\\\").replacing("'", with: "\\'") + "']"
    }

    /// A parameter's example or default as text, else a `{{placeholder}}` registered for the environment.
    private mutating func text(for parameter: OpenAPIParameter?, named name: String) -> String {
        if let example = parameter?.example ?? parameter?.schema?.value["example"] ?? parameter?.schema?.value["default"] {
            return formText(example)
        }
        let type = parameter?.schema.map { summary.type(of: $0.value) } ?? "string"
        return placeholder(name, type: type)
    }

    /// An example for a schema: its `example`, `default`, first `enum` value, else its required
    /// properties' examples, else a placeholder variable (a JSON `{{name}}` template in the body).
    private mutating func example(of schema: OpenAPISchemaReference, name: String, depth: Int) -> JSONValue {
        let resolved = summary.resolved(schema)
        let value = resolved.value
        if let example = value["example"] ?? value["default"] ?? value["enum"]?[0] ?? value["examples"]?[0] { return example }
        guard depth < 6 else { return .null }
        let type = value["type"]?.stringValue ?? (value["properties"] != nil || value["allOf"] != nil ? "object" : nil)
        switch type {
        case "object"?:
            var object = JSONObject()
            for property in summary.properties(of: resolved) where property.required {
                let member = OpenAPISchemaReference(pointer: property.pointer, value: property.schema)
                object.append(key: property.name, value: example(of: member, name: property.name, depth: depth + 1))
            }
            return .object(object)
        case "array"?:
            guard let items = value["items"] else { return .array([]) }
            let itemPointer = JSONPointer.appending("items", to: resolved.pointer)
            return .array([example(of: OpenAPISchemaReference(pointer: itemPointer, value: items), name: name, depth: depth + 1)])
        default:
            let variable = Self.variableName(name)
            let placeholderText = placeholder(variable, type: summary.type(of: value))
            return type == "string" || type == nil ? .string(placeholderText) : .string(JSONTemplate.raw(placeholderText))
        }
    }

    private mutating func placeholder(_ name: String, type: String) -> String {
        let variable = Self.variableName(name)
        if !placeholders.contains(where: { $0.name == variable }) { placeholders.append((variable, type)) }
        return "{{\(variable)}}"
    }

    /// A Hurl variable name for a parameter or property name: `[A-Za-z_][A-Za-z0-9_-]*`.
    static func variableName(_ name: String) -> String {
        var result = String(name.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") ? $0 : "_" })
        if result.first.map({ !$0.isLetter && $0 != "_" }) ?? true { result = "_" + result }
        return result
    }

    private func formText(_ value: JSONValue) -> String {
        switch value {
        case .string(let text): text
        case .null: ""
        default: value.serialized()
        }
    }
}

/// A JSON body with `{{name}}` placeholders where a number or boolean goes: Hurl reads an unquoted
/// `{{name}}` in a JSON body as a template, which JSON itself cannot say; such values are marked while
/// the document is built and unquoted when it is written.
private enum JSONTemplate {
    static let marker = "\u{E000}raw:"

    static func raw(_ text: String) -> String { marker + text }

    static func text(_ value: JSONValue) -> String {
        var text = value.serialized(style: .pretty)
        while let start = text.firstRange(of: "\"" + marker), let end = text[start.upperBound...].firstIndex(of: "\"") {
            text.replaceSubrange(start.lowerBound...end, with: text[start.upperBound..<end])
        }
        return text
    }
}

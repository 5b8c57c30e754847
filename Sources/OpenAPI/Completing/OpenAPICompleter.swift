import JSON

/// What the description offers while a request is typed: the paths (with their `{templates}`), then
/// the operation's query parameters (`limit==`), body fields (`name=`, `age:=`), header names
/// (`X-Request-Id:`) and enum values (`status==sold`); required ones first.
public struct OpenAPICompleter: Sendable {
    let description: OpenAPIDescription
    let summary: SchemaSummary

    public init(_ description: OpenAPIDescription) {
        self.description = description
        self.summary = SchemaSummary(description)
    }

    /// Completions of a path being typed (it starts with `/`), for the operations of `method` when one
    /// is given: the next segment of each matching template, followed by `/` when the template goes on.
    public func paths(completing typed: String, method: String? = nil) -> [String] {
        let typedSegments = PathTemplate.split(typed)
        let head = typed[...(typed.lastIndex(of: "/") ?? typed.startIndex)]
        let partial = typedSegments.last ?? ""
        var candidates: [String] = []
        for operation in description.operations where method.map({ $0.uppercased() == operation.method }) ?? true {
            let template = operation.basePath.isEmpty || !typed.hasPrefix(operation.basePath + "/")
                ? operation.path : operation.basePath + operation.path
            let segments = PathTemplate(template).segments
            guard typedSegments.count <= segments.count else { continue }
            let complete = zip(typedSegments.dropLast(), segments).allSatisfy { value, parts in
                value == PathTemplate.text(of: parts) || PathTemplate.score(value, against: parts) != nil
            }
            guard complete else { continue }
            let next = PathTemplate.text(of: segments[typedSegments.count - 1])
            guard next.hasPrefix(partial) else { continue }
            let candidate = String(head.hasSuffix("/") ? head : "/") + next + (typedSegments.count < segments.count ? "/" : "")
            if !candidates.contains(candidate) { candidates.append(candidate) }
        }
        return candidates
    }

    /// Completions of an item word typed after `METHOD URL`, from the operation the URL matches.
    public func items(completing typed: String, method: String, url: String) -> [String] {
        guard let operation = description.operation(method: method, url: url) else { return [] }
        if let separator = typed.firstRange(of: "==") {
            let name = String(typed[..<separator.lowerBound])
            let parameter = operation.parameters.first { $0.location == .query && $0.name == name }
            return values(of: parameter?.schema?.value, completing: typed, after: separator.upperBound)
        }
        if let separator = typed.firstRange(of: ":="), !typed.contains("=@") {
            let name = String(typed[..<separator.lowerBound])
            return values(of: field(named: name, in: operation)?.schema, completing: typed, after: separator.upperBound)
        }
        if let separator = typed.firstRange(of: "="), !typed.contains(":") {
            let name = String(typed[..<separator.lowerBound])
            return values(of: field(named: name, in: operation)?.schema, completing: typed, after: separator.upperBound)
        }
        var required: [String] = [], optional: [String] = []
        for parameter in operation.parameters {
            let item: String
            switch parameter.location {
            case .query: item = parameter.name + "=="
            case .header: item = parameter.name + ":"
            case .path, .cookie: continue
            }
            if parameter.required { required.append(item) } else { optional.append(item) }
        }
        for property in bodyFields(of: operation) {
            let item = property.name + (isString(property.schema) ? "=" : ":=")
            if property.required { required.append(item) } else { optional.append(item) }
        }
        let lowered = typed.lowercased()
        return (required + optional).filter { $0.lowercased().hasPrefix(lowered) }
    }

    /// The properties of the operation's preferred request body, required first.
    func bodyFields(of operation: OpenAPIOperation) -> [SchemaSummary.Property] {
        guard let schema = operation.requestBody?.preferredContent?.schema else { return [] }
        return summary.properties(of: schema)
    }

    private func field(named name: String, in operation: OpenAPIOperation) -> SchemaSummary.Property? {
        bodyFields(of: operation).first { $0.name == name }
    }

    /// `name==value` completions from the schema's `enum` (or `true`/`false` for a boolean).
    private func values(of schema: JSONValue?, completing typed: String, after index: String.Index) -> [String] {
        guard let schema, let resolved = description.resolve(schema, at: "")?.value else { return [] }
        let item = resolved["items"].flatMap { description.resolve($0, at: "")?.value } ?? resolved
        var values = item["enum"]?.arrayValue?.map { $0.stringValue ?? $0.serialized() } ?? []
        if values.isEmpty, item["type"]?.stringValue == "boolean" { values = ["true", "false"] }
        let partial = typed[index...]
        let prefix = typed[..<index]
        return values.filter { $0.hasPrefix(partial) }.map { prefix + $0 }
    }

    private func isString(_ schema: JSONValue) -> Bool {
        guard let resolved = description.resolve(schema, at: "")?.value else { return true }
        let type = resolved["type"]?.stringValue ?? resolved["type"]?.arrayValue?.first?.stringValue
        return type == nil || type == "string"
    }
}

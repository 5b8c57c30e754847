import HTTPExchange
import OpenAPI
import Pipeline

/// `openapi`, `ops`, `describe`: the API's own description at the prompt.
enum OpenAPICommands {
    static let all: [ShellCommand] = [
        ShellCommand(
            name: "openapi", usage: "openapi [load FILE|URL | unload]",
            summary: "load the API's OpenAPI description: Tab completes its paths and parameters",
            details: """
                With no argument, says which description is in use, its operations and its warnings.
                  openapi load FILE|URL   use this description in this shell (JSON or YAML, OpenAPI 3.0 or 3.1)
                  openapi unload          back to the environment's `openapi` variable, if any
                An environment names its description with a variable: `env set openapi = specs/api.yaml`
                (a path relative to the workspace, or a URL, fetched once and kept in the state folder).
                Example: openapi load https://petstore3.swagger.io/api/v3/openapi.json
                """,
            run: { session, arguments, _ throws(ShellError) in
                switch arguments.first {
                case "load"?:
                    guard arguments.count == 2 else { throw .usage("usage: openapi load FILE|URL") }
                    let description = try await session.loadOpenAPI(OpenAPISource(arguments[1]))
                    report(description, from: arguments[1], to: session)
                case "unload"?:
                    session.openAPIOverride = nil
                    session.output.note(session.openAPISource.map { "back to the environment's description: \($0.location)" } ?? "no description in use")
                case nil:
                    guard let source = session.openAPISource else {
                        throw .usage("no description in use: `openapi load FILE|URL`, or `env set openapi = FILE|URL`")
                    }
                    report(try await session.openAPIDescription(), from: source.location, to: session)
                case let other?:
                    throw .usage("openapi: unknown action '\(other)' (load, unload)")
                }
            }),
        ShellCommand(
            name: "ops", usage: "ops [TEXT]",
            summary: "list the description's operations, filtered by text in path, id, summary or tag",
            details: """
                One line per operation: method, path, operationId and summary, in document order.
                Example: ops contact
                """,
            run: { session, arguments, _ throws(ShellError) in
                let description = try await session.openAPIDescription()
                let text = arguments.joined(separator: " ").lowercased()
                let matches = description.operations.filter { text.isEmpty || $0.mentions(text) }
                guard !matches.isEmpty else { throw .runtime("no operation mentions '\(text)'") }
                let style = session.output.style
                let width = matches.map(\.method.count).max() ?? 0
                for operation in matches {
                    let method = style.paint(operation.method.padding(toLength: width), .cyan)
                    var line = "\(method)\(operation.path)"
                    if let id = operation.operationID { line += "  " + style.paint(id, .dim) }
                    if let summary = operation.summary { line += "  " + summary }
                    session.output.line(line)
                }
            }),
        ShellCommand(
            name: "describe", usage: "describe [METHOD] PATH",
            summary: "an operation from the description: parameters, body schema, responses",
            details: """
                PATH is a template (/pets/{petId}) or a concrete path (/pets/42), relative to the
                server's base path or not. Without METHOD, every operation on the path is described.
                Required parameters and properties are marked *.
                Example: describe POST /api/contacts/new
                """,
            run: { session, arguments, _ throws(ShellError) in
                let description = try await session.openAPIDescription()
                let method = arguments.count == 2 ? arguments[0].uppercased() : nil
                guard let path = arguments.last, arguments.count <= 2 else { throw .usage("usage: describe [METHOD] PATH") }
                let target = try session.expandedTarget(path)
                let onPath = description.operations(onPath: target)
                let chosen = method.map { method in onPath.filter { $0.method == method } } ?? onPath
                guard !chosen.isEmpty else {
                    if let method, !onPath.isEmpty {
                        throw .runtime("\(path) has no \(method) operation (it has \(onPath.map(\.method).joined(separator: ", ")))")
                    }
                    throw .runtime("no operation in the description matches \(path) (`ops` lists them)")
                }
                let describer = OperationDescriber(description)
                for (index, operation) in chosen.enumerated() {
                    if index > 0 { session.output.line() }
                    for line in describer.lines(for: operation) { session.output.line(line) }
                }
            }),
    ]

    private static func report(_ description: OpenAPIDescription, from location: String, to session: ShellSession) {
        let title = description.title.isEmpty ? location : "\(description.title) \(description.apiVersion)"
        session.output.line("\(title) (OpenAPI \(description.version)): \(description.operations.count) operations from \(location)")
        for warning in description.warnings.prefix(10) { session.output.warn(warning) }
        if description.warnings.count > 10 { session.output.warn("… \(description.warnings.count - 10) more warnings") }
    }
}

extension OpenAPIOperation {
    /// Whether lower-cased `text` appears in the path, operationId, summary or a tag.
    func mentions(_ text: String) -> Bool {
        ([path, operationID ?? "", summary ?? ""] + tags).contains { $0.lowercased().contains(text) }
    }
}

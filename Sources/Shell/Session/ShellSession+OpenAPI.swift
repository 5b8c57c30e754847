import HTTPExchange
import OpenAPI
import Pipeline

extension ShellSession {
    /// The description in use: `openapi load`'s, else the environment's `openapi` variable (templated).
    var openAPISource: OpenAPISource? {
        if let openAPIOverride { return openAPIOverride }
        guard let variables = try? variables(), let value = variables.value(of: "openapi"), !value.isEmpty else { return nil }
        return OpenAPISource((try? Template(value).expand(variables)) ?? value)
    }

    /// Reads (or fetches) a description and uses it for the rest of this shell.
    func loadOpenAPI(_ source: OpenAPISource) async throws(ShellError) -> OpenAPIDescription {
        let description = try await load(source)
        openAPIOverride = source
        return description
    }

    /// The description in use, fetched when it is a URL not fetched yet.
    func openAPIDescription() async throws(ShellError) -> OpenAPIDescription {
        guard let source = openAPISource else {
            throw .usage("no OpenAPI description in use: `openapi load FILE|URL`, or `env set openapi = FILE|URL`")
        }
        return try await load(source)
    }

    /// Fetches the environment's description when it is a URL not fetched yet, so Tab has it; a
    /// description that cannot be read now is left for `openapi` to report.
    public func prefetchOpenAPIDescription() async {
        guard let source = openAPISource, source.isURL, offlineOpenAPIDescription == nil else { return }
        _ = try? await load(source)
    }

    /// What Tab can use without waiting on the network: the file, or the fetched copy of a URL.
    var offlineOpenAPIDescription: OpenAPIDescription? {
        guard let source = openAPISource else { return nil }
        return (try? source.loadOffline(workspace: workspace)) ?? nil
    }

    private func load(_ source: OpenAPISource) async throws(ShellError) -> OpenAPIDescription {
        do {
            return try await source.load(workspace: workspace, sender: transport())
        } catch {
            throw .runtime(error.message)
        }
    }

    /// A typed path or URL with its `{{variables}}` expanded, for matching against templates.
    func expandedTarget(_ text: String) throws(ShellError) -> String {
        guard text.contains("{{") else { return text }
        let variables = try variables()
        do throws(UnknownVariableError) {
            return try Template(text).expand(variables)
        } catch {
            throw .usage(explainUnknown(error.name))
        }
    }
}

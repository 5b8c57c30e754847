import JSON

/// `GET /api/openapi.json`: the sandbox describes what it implements in OpenAPI 3.1, so a shell
/// pointed at it completes Mautic's paths and checks answers against it from the first request.
enum SandboxDescription {
    /// The description with `servers` naming the origin it was asked from.
    static func document(origin: String) -> JSONValue {
        guard case .object(var root) = template else { return template }
        root["servers"] = .array([.object(JSONObject([(key: "url", value: .string(origin))]))])
        return .object(root)
    }

    // Parsed once; a test checks it loads without warnings and lists every route the sandbox answers.
    private static let template: JSONValue = {
        do {
            return try JSONValue.parse(PackageResources.openapi_json)
        } catch {
            preconditionFailure("Sources/Sandbox/Description/openapi.json is not JSON: \(error)")
        }
    }()
}

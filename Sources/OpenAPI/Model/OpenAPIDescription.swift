import Foundation
import HTTPExchange
import JSON

public struct OpenAPILoadError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String

    public init(message: String) {
        self.message = message
    }

    public var description: String { message }
}

/// An OpenAPI 3.0 or 3.1 description, read tolerantly: what is malformed becomes a warning naming its
/// place and is left out, so any document that is JSON or YAML loads.
public struct OpenAPIDescription: Sendable {
    /// The whole document, key order and number literals as written; schemas' `$ref`s resolve against it.
    public let document: JSONValue
    /// The `openapi` field: `3.0.3`, `3.1.0`.
    public let version: String
    public let title: String
    public let apiVersion: String
    public let operations: [OpenAPIOperation]
    public let warnings: [String]
    let validators = SchemaValidatorCache()

    static let methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]
    /// `$ref` chains longer than this are taken for cycles.
    static let maxReferenceHops = 32

    /// Whether a document is JSON (its first non-blank byte is `{`) rather than YAML.
    public static func isJSON(_ bytes: [UInt8]) -> Bool {
        bytes.first { ![0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) } == UInt8(ascii: "{")
    }

    /// Reads JSON or YAML.
    public static func load(_ bytes: [UInt8]) throws(OpenAPILoadError) -> OpenAPIDescription {
        let document: JSONValue
        if isJSON(bytes) {
            do {
                document = try JSONValue.parse(bytes)
            } catch {
                throw OpenAPILoadError(message: "not valid JSON: \(error)")
            }
        } else {
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw OpenAPILoadError(message: "not valid UTF-8 text")
            }
            document = try YAMLDocument.parse(text)
        }
        return try OpenAPIDescription(document: document)
    }

    public init(document: JSONValue) throws(OpenAPILoadError) {
        guard case .object(let root) = document else {
            throw OpenAPILoadError(message: "an OpenAPI description is an object, not \(Self.kind(of: document))")
        }
        guard let version = root["openapi"]?.stringValue else {
            if root["swagger"] != nil {
                throw OpenAPILoadError(message: "Swagger 2.0 is not supported; convert it to OpenAPI 3 (for example with swagger2openapi)")
            }
            throw OpenAPILoadError(message: "no `openapi` version field: this is not an OpenAPI description")
        }
        guard version.hasPrefix("3.") else {
            throw OpenAPILoadError(message: "OpenAPI \(version) is not supported (3.0 and 3.1 are)")
        }
        var reader = Reader(document: document)
        self.document = document
        self.version = version
        self.title = root["info"]?["title"]?.stringValue ?? ""
        self.apiVersion = root["info"]?["version"]?.stringValue ?? ""
        self.operations = reader.operations(servers: root["servers"])
        self.warnings = reader.warnings
    }

    /// `3.0` descriptions use OpenAPI's own schema dialect; `3.1` uses JSON Schema 2020-12.
    public var usesOpenAPI30Schemas: Bool { version.hasPrefix("3.0") }

    /// Each tag in the order operations first use it; operations without one come under "default".
    public var tags: [String] {
        var seen: [String] = []
        for operation in operations {
            for tag in operation.tags.isEmpty ? ["default"] : operation.tags where !seen.contains(tag) {
                seen.append(tag)
            }
        }
        return seen
    }

    /// Follows `$ref` chains (local ones: `#/components/…`) to the value they name, with its pointer.
    /// Nil, with a warning, for a reference that names nothing or points outside the document.
    public func resolve(_ value: JSONValue, at pointer: String) -> (value: JSONValue, pointer: String)? {
        var warnings: [String] = []
        return Self.resolve(value, at: pointer, in: document, warnings: &warnings)
    }

    static func resolve(
        _ value: JSONValue, at pointer: String, in document: JSONValue, warnings: inout [String]
    ) -> (value: JSONValue, pointer: String)? {
        var current = (value: value, pointer: pointer)
        for _ in 0..<maxReferenceHops {
            guard let reference = current.value["$ref"]?.stringValue else { return current }
            guard reference.hasPrefix("#") else {
                warnings.append("\(pointer): $ref \(reference) is outside this document and is not followed")
                return nil
            }
            let target = JSONPointer.percentDecoded(String(reference.dropFirst()))
            guard let resolved = JSONPointer.resolve(target, in: document) else {
                warnings.append("\(pointer): $ref \(reference) names nothing in this document")
                return nil
            }
            current = (resolved, target)
        }
        warnings.append("\(pointer): $ref chain longer than \(maxReferenceHops) (a cycle?)")
        return nil
    }

    static func kind(of value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

/// Walks `paths` once, collecting operations and the warnings of what it had to leave out.
private struct Reader {
    let document: JSONValue
    var warnings: [String] = []

    init(document: JSONValue) {
        self.document = document
    }

    mutating func operations(servers: JSONValue?) -> [OpenAPIOperation] {
        guard let paths = document["paths"] else { return [] }
        guard case .object(let pathItems) = paths else {
            warnings.append("/paths: not an object; no operations read")
            return []
        }
        let documentBase = basePath(of: servers) ?? ""
        var operations: [OpenAPIOperation] = []
        for (path, item) in pathItems {
            let itemPointer = JSONPointer.appending(path, to: "/paths")
            guard let (resolvedItem, _) = resolve(item, at: itemPointer), case .object(let members) = resolvedItem else {
                warnings.append("\(itemPointer): not a path item object")
                continue
            }
            let pathBase = basePath(of: members["servers"]) ?? documentBase
            let shared = parameters(members["parameters"], at: JSONPointer.appending("parameters", to: itemPointer))
            for (key, value) in members where OpenAPIDescription.methods.contains(key) {
                let pointer = JSONPointer.appending(key, to: itemPointer)
                guard case .object = value else {
                    warnings.append("\(pointer): not an operation object")
                    continue
                }
                operations.append(operation(
                    method: key.uppercased(), path: path, value: value, pointer: pointer,
                    sharedParameters: shared, basePath: basePath(of: value["servers"]) ?? pathBase))
            }
        }
        return operations
    }

    private mutating func operation(
        method: String, path: String, value: JSONValue, pointer: String,
        sharedParameters: [OpenAPIParameter], basePath: String
    ) -> OpenAPIOperation {
        var merged = sharedParameters
        for parameter in parameters(value["parameters"], at: JSONPointer.appending("parameters", to: pointer)) {
            merged.removeAll { $0.name == parameter.name && $0.location == parameter.location }
            merged.append(parameter)
        }
        return OpenAPIOperation(
            method: method, path: path, pathTemplate: PathTemplate(path), basePath: basePath,
            operationID: value["operationId"]?.stringValue,
            summary: value["summary"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 },
            description: value["description"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 },
            tags: value["tags"]?.arrayValue?.compactMap(\.stringValue) ?? [],
            deprecated: value["deprecated"]?.boolValue ?? false,
            parameters: merged,
            requestBody: requestBody(value["requestBody"], at: JSONPointer.appending("requestBody", to: pointer)),
            responses: responses(value["responses"], at: JSONPointer.appending("responses", to: pointer)),
            pointer: pointer)
    }

    private mutating func parameters(_ value: JSONValue?, at pointer: String) -> [OpenAPIParameter] {
        guard let value else { return [] }
        guard case .array(let elements) = value else {
            warnings.append("\(pointer): not an array of parameters")
            return []
        }
        var parameters: [OpenAPIParameter] = []
        for (index, element) in elements.enumerated() {
            let elementPointer = JSONPointer.appending(String(index), to: pointer)
            guard let (resolved, resolvedPointer) = resolve(element, at: elementPointer) else { continue }
            guard let name = resolved["name"]?.stringValue,
                let location = resolved["in"]?.stringValue.flatMap(OpenAPIParameter.Location.init(rawValue:))
            else {
                warnings.append("\(elementPointer): a parameter needs `name` and `in` (path, query, header or cookie)")
                continue
            }
            parameters.append(OpenAPIParameter(
                name: name, location: location,
                required: location == .path || resolved["required"]?.boolValue == true,
                description: resolved["description"]?.stringValue,
                deprecated: resolved["deprecated"]?.boolValue ?? false,
                schema: schema(resolved["schema"], at: JSONPointer.appending("schema", to: resolvedPointer)),
                example: resolved["example"] ?? firstExample(resolved["examples"])))
        }
        return parameters
    }

    private mutating func requestBody(_ value: JSONValue?, at pointer: String) -> OpenAPIRequestBody? {
        guard let value, let (resolved, resolvedPointer) = resolve(value, at: pointer) else { return nil }
        return OpenAPIRequestBody(
            required: resolved["required"]?.boolValue ?? false,
            description: resolved["description"]?.stringValue,
            contents: contents(resolved["content"], at: JSONPointer.appending("content", to: resolvedPointer)))
    }

    private mutating func responses(_ value: JSONValue?, at pointer: String) -> [OpenAPIResponse] {
        guard let value else { return [] }
        guard case .object(let members) = value else {
            warnings.append("\(pointer): not a responses object")
            return []
        }
        var responses: [OpenAPIResponse] = []
        for (status, response) in members where !status.hasPrefix("x-") {
            let responsePointer = JSONPointer.appending(status, to: pointer)
            guard let (resolved, resolvedPointer) = resolve(response, at: responsePointer) else { continue }
            responses.append(OpenAPIResponse(
                status: status, description: resolved["description"]?.stringValue,
                contents: contents(resolved["content"], at: JSONPointer.appending("content", to: resolvedPointer))))
        }
        return responses
    }

    private mutating func contents(_ value: JSONValue?, at pointer: String) -> [OpenAPIMediaType] {
        guard let value, case .object(let members) = value else { return [] }
        return members.map { contentType, media in
            let mediaPointer = JSONPointer.appending(contentType, to: pointer)
            return OpenAPIMediaType(
                contentType: contentType,
                schema: schema(media["schema"], at: JSONPointer.appending("schema", to: mediaPointer)),
                example: media["example"] ?? firstExample(media["examples"]))
        }
    }

    private mutating func schema(_ value: JSONValue?, at pointer: String) -> OpenAPISchemaReference? {
        guard let value else { return nil }
        if value["$ref"] != nil, resolve(value, at: pointer) == nil { return nil }
        return OpenAPISchemaReference(pointer: pointer, value: value)
    }

    /// The `value` of the first entry of an `examples` map (a `$ref` to `components/examples` followed).
    private mutating func firstExample(_ examples: JSONValue?) -> JSONValue? {
        guard case .object(let members)? = examples, let first = members.members.first else { return nil }
        return resolve(first.value, at: "/examples")?.0["value"]
    }

    private mutating func resolve(_ value: JSONValue, at pointer: String) -> (JSONValue, String)? {
        OpenAPIDescription.resolve(value, at: pointer, in: document, warnings: &warnings).map { ($0.value, $0.pointer) }
    }

    /// The path of the first server's URL: `/v1` for `http://petstore.swagger.io/v1`.
    private func basePath(of servers: JSONValue?) -> String? {
        guard let url = servers?[0]?["url"]?.stringValue else { return nil }
        var rest = Substring(url)
        if let parts = URLText(rest) { rest = parts.rest }
        while rest.hasSuffix("/") { rest = rest.dropLast() }
        return String(rest)
    }
}

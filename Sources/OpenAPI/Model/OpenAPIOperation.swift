import Foundation
import JSON

/// One operation of a description: a method on a path template, with what it takes and answers.
public struct OpenAPIOperation: Sendable, Equatable {
    /// Upper-case, as typed at the prompt: `GET`.
    public let method: String
    /// The path template as the description writes it: `/api/contacts/{id}`.
    public let path: String
    /// `path` split once, so matching a response against every operation does not split it again.
    public let pathTemplate: PathTemplate
    /// The path of the server URL the operation is served under (`/v1` for `http://host/v1`), "" for none.
    public let basePath: String
    public let operationID: String?
    public let summary: String?
    public let description: String?
    public let tags: [String]
    public let deprecated: Bool
    /// Path-level parameters merged with the operation's own (which win by name and location).
    public let parameters: [OpenAPIParameter]
    public let requestBody: OpenAPIRequestBody?
    /// In document order; `status` is `200`, `2XX` or `default`.
    public let responses: [OpenAPIResponse]
    /// Where the operation sits in the document, as a JSON pointer.
    public let pointer: String

    /// `GET /pets`.
    public var title: String { "\(method) \(path)" }

    /// The response for a status: the exact code, else its range (`2XX`), else `default`.
    public func response(for status: Int) -> OpenAPIResponse? {
        let code = String(status)
        let range = "\(status / 100)XX"
        return responses.first { $0.status == code }
            ?? responses.first { $0.status.uppercased() == range }
            ?? responses.first { $0.status == "default" }
    }

    /// The first success the operation documents, which a scaffolded request expects.
    public var firstSuccess: OpenAPIResponse? {
        responses.first { $0.status.hasPrefix("2") }
    }
}

public struct OpenAPIParameter: Sendable, Equatable {
    public enum Location: String, Sendable, CaseIterable {
        case path, query, header, cookie
    }

    public let name: String
    public let location: Location
    public let required: Bool
    public let description: String?
    public let deprecated: Bool
    /// The parameter's schema as written (a `$ref` left in place), and where it sits.
    public let schema: OpenAPISchemaReference?
    /// An example from the parameter itself, when it has one.
    public let example: JSONValue?
}

public struct OpenAPIRequestBody: Sendable, Equatable {
    public let required: Bool
    public let description: String?
    public let contents: [OpenAPIMediaType]

    /// JSON first, then forms, then whatever comes first.
    public var preferredContent: OpenAPIMediaType? {
        contents.first { OpenAPIMediaType.isJSON($0.contentType) }
            ?? contents.first { $0.contentType.hasPrefix("application/x-www-form-urlencoded") }
            ?? contents.first { $0.contentType.hasPrefix("multipart/form-data") }
            ?? contents.first
    }
}

public struct OpenAPIResponse: Sendable, Equatable {
    public let status: String
    public let description: String?
    public let contents: [OpenAPIMediaType]

    /// The content the response declares for a `Content-Type` (parameters ignored), or its JSON content
    /// when the type is unknown; wildcards (`application/*`, `*/*`) match too.
    public func content(for contentType: String?) -> OpenAPIMediaType? {
        let type = contentType.flatMap { $0.split(separator: ";").first }
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard let type else { return contents.first { OpenAPIMediaType.isJSON($0.contentType) } ?? contents.first }
        if let exact = contents.first(where: { $0.contentType.lowercased() == type }) { return exact }
        let major = type.split(separator: "/").first.map(String.init) ?? type
        return contents.first { $0.contentType.lowercased() == "\(major)/*" }
            ?? contents.first { $0.contentType == "*/*" }
    }
}

public struct OpenAPIMediaType: Sendable, Equatable {
    public let contentType: String
    public let schema: OpenAPISchemaReference?
    /// `example`, or the first of `examples` (its `value`).
    public let example: JSONValue?

    static func isJSON(_ contentType: String) -> Bool {
        let type = contentType.lowercased()
        return type.hasPrefix("application/json") || (type.hasPrefix("application/") && type.contains("+json"))
    }
}

/// A schema as it sits in the document: its value and its JSON pointer, so a validator resolves the
/// schema's own `$ref`s against the whole description.
public struct OpenAPISchemaReference: Sendable, Equatable {
    public let pointer: String
    public let value: JSONValue

    public init(pointer: String, value: JSONValue) {
        self.pointer = pointer
        self.value = value
    }
}

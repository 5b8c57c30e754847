/// The schema dialects the validator understands.
public enum SchemaDialect: String, Sendable, CaseIterable {
    /// JSON Schema draft 2020-12, the default.
    case draft2020_12 = "2020-12"
    /// JSON Schema draft-04: `id`, `definitions`, boolean `exclusiveMaximum`, `dependencies`.
    case draft4 = "draft-04"
    /// The OpenAPI 3.0 Schema Object: draft-04's keywords plus `nullable`, without `$schema` or `id`.
    case openAPI30 = "openapi-3.0"

    /// The meta-schema URI (without fragment) that names this dialect in `$schema`.
    var metaSchemaURI: String? {
        switch self {
        case .draft2020_12: "https://json-schema.org/draft/2020-12/schema"
        case .draft4: "http://json-schema.org/draft-04/schema"
        case .openAPI30: nil
        }
    }

    /// The dialect a `$schema` URI names, when it is one of the known meta-schemas.
    init?(metaSchemaURI uri: String) {
        let withoutFragment = URIReference(uri).withoutFragment.text
        guard let match = Self.allCases.first(where: { $0.metaSchemaURI == withoutFragment }) else { return nil }
        self = match
    }

    var identifierKeyword: String? {
        switch self {
        case .draft2020_12: "$id"
        case .draft4: "id"
        case .openAPI30: nil
        }
    }

    /// Draft-04 and OpenAPI 3.0 ignore every keyword beside a `$ref`.
    var refOverridesSiblings: Bool { self != .draft2020_12 }
}

/// The rules one schema resource is evaluated with: its dialect, and whether the validation vocabulary
/// is in force (a custom 2020-12 meta-schema may leave it out of `$vocabulary`).
struct DialectRules: Sendable, Hashable {
    var dialect: SchemaDialect
    var assertsValidationVocabulary = true
}

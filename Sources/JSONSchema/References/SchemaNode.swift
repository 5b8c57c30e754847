import JSON

/// One schema inside a document, with what evaluating it needs: the base URI its references resolve
/// against and the dialect rules of its resource.
struct SchemaNode: Sendable {
    let value: JSONValue
    /// Absolute URI (no fragment) of the resource the schema belongs to.
    let baseURI: String
    let rules: DialectRules
    /// `baseURI#pointer`: the schema's identity, used to notice a reference loop.
    let location: String
}

/// Which members of a schema object hold subschemas, per dialect: the walk that indexes `$id`s and
/// anchors follows these and nothing else, so a `$id` inside `const` or an unknown keyword is just data.
enum SubschemaKeywords {
    static func single(_ dialect: SchemaDialect) -> [String] {
        switch dialect {
        case .draft2020_12:
            ["additionalProperties", "propertyNames", "items", "contains", "not", "if", "then", "else",
             "unevaluatedItems", "unevaluatedProperties", "contentSchema"]
        case .draft4, .openAPI30:
            ["additionalProperties", "additionalItems", "items", "not"]
        }
    }

    static func maps(_ dialect: SchemaDialect) -> [String] {
        switch dialect {
        case .draft2020_12: ["properties", "patternProperties", "$defs", "dependentSchemas"]
        case .draft4, .openAPI30: ["properties", "patternProperties", "definitions", "dependencies"]
        }
    }

    static func arrays(_ dialect: SchemaDialect) -> [String] {
        switch dialect {
        case .draft2020_12: ["allOf", "anyOf", "oneOf", "prefixItems"]
        case .draft4, .openAPI30: ["allOf", "anyOf", "oneOf", "items"]
        }
    }
}

/// Why a file could not be imported; each case says what was found.
public enum PostmanImportError: Error, Sendable, Equatable, CustomStringConvertible {
    case notJSON(String)
    case notACollection(String)
    case unknownSchemaVersion(String)
    case notAnEnvironment(String)

    public var description: String {
        switch self {
        case .notJSON(let reason): "not JSON: \(reason)"
        case .notACollection(let reason): "not a Postman collection: \(reason)"
        case .unknownSchemaVersion(let schema):
            "unknown Postman collection schema '\(schema)': apish reads v2.0.0 and v2.1.0 (re-export it from Postman as v2.1)"
        case .notAnEnvironment(let reason): "not a Postman environment: \(reason)"
        }
    }
}

import JSON

/// A Postman environment file (`*.postman_environment.json`) as environment variables; values marked
/// secret, or named like one, are flagged so that the caller keeps them out of the environment file.
public enum PostmanEnvironmentImporter {
    public struct Result: Sendable, Equatable {
        public var name: String
        public var variables: [ImportedVariable]
    }

    public static func importEnvironment(_ bytes: [UInt8]) throws(PostmanImportError) -> Result {
        let document: JSONValue
        do { document = try JSONValue.parse(bytes) } catch { throw .notJSON("\(error)") }
        guard document.objectValue != nil else { throw .notAnEnvironment("the top level is \(document.kindName), not an object") }
        if document["info"] != nil, document["item"] != nil {
            throw .notAnEnvironment("it is a collection; use `apish import postman`")
        }
        guard let values = document["values"]?.arrayValue else { throw .notAnEnvironment("no 'values' list") }
        var seen: [String: Int] = [:]
        var variables: [ImportedVariable] = []
        for item in values where item["enabled"]?.boolValue != false && !item.isDisabled {
            guard let key = item["key"]?.postmanText, !key.isEmpty else { continue }
            let variable = ImportedVariable(key: key, value: item["value"]?.postmanText ?? "",
                                            isSecret: PostmanImporter.looksSecret(key, type: item["type"]?.stringValue))
            // Postman lets the last of duplicate keys win.
            if let index = seen[key] { variables[index] = variable } else {
                seen[key] = variables.count
                variables.append(variable)
            }
        }
        return Result(name: document["name"]?.postmanText ?? "environment", variables: variables)
    }
}

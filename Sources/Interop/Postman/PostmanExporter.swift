import Hurl
import JSON

/// Writes Hurl files as a Postman Collection v2.1: directories and files become folders (a
/// `requests.hurl` file's requests sit directly in its directory's folder), asserts become test
/// scripts, `# @auth` profiles become auth blocks. Templates stay templates; secrets are never written.
public enum PostmanExporter {
    public static let schemaURL = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"

    public struct Result: Sendable {
        public var collection: JSONValue
        /// Things Postman cannot express, one line each.
        public var warnings: [String]
        public var text: String { collection.serialized(style: .pretty) + "\n" }
    }

    /// - Parameters:
    ///   - files: paths relative to the collection folder, `/`-separated.
    ///   - authProfiles: settings of the profiles the entries name (`[auth NAME]` sections), unexpanded.
    ///   - variables: environment variables; secrets are exported with an empty value.
    public static func export(name: String, files: [ImportedFile], authProfiles: [String: [String: String]] = [:],
                              variables: [ImportedVariable] = []) -> Result {
        var warnings: [String] = []
        var root = Folder()
        for file in files {
            var components = file.path.split(separator: "/").map(String.init)
            guard let last = components.popLast() else { continue }
            let requests = file.hurl.entries.enumerated().map { index, entry in
                PostmanItemWriter.item(for: entry, location: "\(file.path):\(entry.line > 0 ? entry.line : index + 1)",
                                       authProfiles: authProfiles, warnings: &warnings)
            }
            if last != PostmanImporter.requestsFileName { components.append(String(last.dropLast(last.hasSuffix(".hurl") ? 5 : 0))) }
            root.insert(requests, at: components[...])
        }
        var collection = JSONObject()
        collection.append(key: "info", value: .object(JSONObject([
            (key: "name", value: .string(name)),
            (key: "schema", value: .string(schemaURL)),
        ])))
        collection.append(key: "item", value: .array(root.items))
        if !variables.isEmpty {
            collection.append(key: "variable", value: .array(variables.map { variable in
                .object(JSONObject([(key: "key", value: .string(variable.key)),
                                    (key: "value", value: .string(variable.isSecret ? "" : variable.value))]))
            }))
        }
        return Result(collection: .object(collection), warnings: warnings)
    }

    /// The folder tree, in the order files were given.
    private struct Folder {
        var requests: [JSONValue] = []
        var children: [(name: String, folder: Folder)] = []

        mutating func insert(_ items: [JSONValue], at path: ArraySlice<String>) {
            guard let first = path.first else {
                requests += items
                return
            }
            if let index = children.firstIndex(where: { $0.name == first }) {
                children[index].folder.insert(items, at: path.dropFirst())
            } else {
                var child = Folder()
                child.insert(items, at: path.dropFirst())
                children.append((first, child))
            }
        }

        var items: [JSONValue] {
            requests + children.map { child in
                .object(JSONObject([(key: "name", value: .string(child.name)), (key: "item", value: .array(child.folder.items))]))
            }
        }
    }
}

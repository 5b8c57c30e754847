import HTTPExchange
import Hurl
import JSON

/// Reads a Postman Collection (v2.0 or v2.1) into Hurl files, environment variables and auth profiles.
///
/// Layout: a folder holding only requests becomes `FOLDER.hurl`; a folder with sub-folders becomes a
/// directory, its own requests in `requests.hurl` inside it; the collection's own requests go in
/// `requests.hurl` at the top. Each request's name is the comment above it.
public enum PostmanImporter {
    public static let requestsFileName = "requests.hurl"

    public static func importCollection(_ bytes: [UInt8]) throws(PostmanImportError) -> PostmanImport {
        let document: JSONValue
        do { document = try JSONValue.parse(bytes) } catch { throw .notJSON("\(error)") }
        return try importCollection(document)
    }

    public static func importCollection(_ document: JSONValue) throws(PostmanImportError) -> PostmanImport {
        guard document.objectValue != nil else { throw .notACollection("the top level is \(document.kindName), not an object") }
        guard let info = document["info"]?.objectValue else {
            if document["requests"] != nil || document["order"] != nil {
                throw .unknownSchemaVersion("v1 (no 'info')")
            }
            throw .notACollection("no 'info' object")
        }
        let schema = info["schema"]?.stringValue ?? ""
        guard let version = ["v2.0.0", "v2.1.0"].first(where: { schema.contains("/\($0)/") }) else {
            throw .unknownSchemaVersion(schema.isEmpty ? "(none)" : schema)
        }
        guard document["item"]?.arrayValue != nil else { throw .notACollection("no 'item' list") }
        let name = info["name"]?.stringValue ?? "collection"
        let variables = (document["variable"]?.arrayValue ?? []).filter { !$0.isDisabled }.compactMap { item -> ImportedVariable? in
            guard let key = item["key"]?.postmanText else { return nil }
            return ImportedVariable(key: key, value: item["value"]?.postmanText ?? "",
                                    isSecret: looksSecret(key, type: item["type"]?.stringValue))
        }
        var builder = Builder(variables: variables)
        builder.walk(container: document, name: name, directory: "", context: .init(path: [], auth: nil, variables: []), isRoot: true)
        return PostmanImport(name: name, schemaVersion: version, files: builder.files,
                             variables: builder.variables + builder.auth.secrets, authProfiles: builder.auth.profiles,
                             warnings: renamedVariables(in: document) + builder.auth.warnings + builder.warnings)
    }

    /// One warning per Postman variable whose name Hurl does not accept.
    static func renamedVariables(in document: JSONValue) -> [String] {
        var seen: Set<String> = []
        var warnings: [String] = []
        func visit(_ value: JSONValue) {
            switch value {
            case .string(let text):
                for (postman, hurl) in PostmanTemplate.renamings(text).renamed where seen.insert(postman).inserted {
                    warnings.append("variable \(postman) is written \(hurl): Hurl names hold letters, digits, '_' and '-'")
                }
            case .array(let items): items.forEach(visit)
            case .object(let object): object.members.forEach { visit($0.value) }
            default: break
            }
        }
        visit(document["item"] ?? .null)
        return warnings
    }

    /// Whether a variable holds a secret: Postman marks it so, or its name says it.
    static func looksSecret(_ key: String, type: String?) -> Bool {
        if type == "secret" { return true }
        let lower = key.lowercased()
        return ["password", "secret", "token", "apikey", "api_key", "api-key", "passwd"].contains { lower.contains($0) }
    }

    struct Context {
        var path: [String]
        var auth: PostmanAuthConverter.Resolved?
        var variables: [(key: String, value: String)]
        var testAsserts: [HurlAssert] = []
    }

    struct Builder {
        var files: [ImportedFile] = []
        var variables: [ImportedVariable]
        var warnings: [String] = []
        var auth: PostmanAuthConverter
        /// Comments of collection and folder scripts, put above the next request written.
        var pendingComments: [HurlTrivia.Line] = []
        var pendingOwner: String?

        init(variables: [ImportedVariable]) {
            self.variables = variables
            self.auth = PostmanAuthConverter(reservedVariables: Set(variables.map(\.key)))
        }

        mutating func walk(container: JSONValue, name: String, directory: String, context parent: Context, isRoot: Bool) {
            var context = parent
            let location = isRoot ? "collection '\(name)'" : context.path.joined(separator: " / ")
            if let resolved = auth.convert(container["auth"], owner: name, where: location) { context.auth = resolved }
            if !isRoot { context.variables += container["variable"]?.enabledPairs ?? [] }
            let scripts = events(container, location: location)
            context.testAsserts += scripts.asserts
            if !scripts.comments.isEmpty {
                pendingComments += scripts.comments
                pendingOwner = location
            }

            let children = container["item"]?.arrayValue ?? []
            let folders = children.filter { $0["item"] != nil && !$0.isDisabled }
            var requests: [JSONValue] = []
            for request in children where request["item"] == nil && !request.isDisabled {
                // Postman saves drafts without a URL; a Hurl entry cannot be written without one.
                let location = (context.path + [request["name"]?.postmanText ?? "request"]).joined(separator: " / ")
                guard PostmanRequestConverter.hasURL(request["request"]) else {
                    warnings.append("\(location): it has no URL; left out")
                    continue
                }
                let method = PostmanRequestConverter.method(request["request"])
                guard HurlRequest.isValidMethod(method) else {
                    warnings.append("\(location): its method '\(method)' is not a word of letters, as Hurl needs; left out")
                    continue
                }
                requests.append(request)
            }
            var taken: Set<String> = [String(PostmanImporter.requestsFileName.dropLast(5))]
            var entries: [HurlEntry] = []
            for (index, request) in requests.enumerated() {
                entries.append(entry(request, context: context, first: index == 0))
            }
            if !entries.isEmpty {
                let ownFile = isRoot || !folders.isEmpty ? PostmanImporter.requestsFileName : ""
                let path = ownFile.isEmpty ? directory : directory + ownFile
                files.append(ImportedFile(path: path, hurl: HurlFile(fileName: path, entries: entries)))
            }
            for folder in folders {
                let folderName = folder["name"]?.postmanText ?? "folder"
                let slug = NameSlug.unique(NameSlug.make(folderName, fallback: "folder"), in: &taken)
                var child = context
                child.path.append(folderName)
                let hasSubfolders = (folder["item"]?.arrayValue ?? []).contains { $0["item"] != nil }
                walk(container: folder, name: folderName, directory: directory + slug + (hasSubfolders ? "/" : ".hurl"),
                     context: child, isRoot: false)
            }
            if !pendingComments.isEmpty, let owner = pendingOwner, owner == location {
                warnings.append("\(location): its scripts have no request to sit above and were dropped")
                pendingComments = []
                pendingOwner = nil
            }
        }

        private mutating func entry(_ item: JSONValue, context parent: Context, first: Bool) -> HurlEntry {
            let name = item["name"]?.postmanText ?? "request"
            var context = parent
            context.path.append(name)
            let location = context.path.joined(separator: " / ")
            var request = PostmanRequestConverter.convert(item["request"] ?? .null, where: location, warnings: &warnings)
            if let resolved = auth.convert(item["request"]?["auth"], owner: name, where: location) { context.auth = resolved }
            var entry = HurlEntry(request: request)
            switch context.auth {
            case nil: break
            case .none?: entry.authProfile = "none"
            case .profile(let profile)?: entry.authProfile = profile
            case .unsupported?:
                // The request has an auth of its own, not the environment's default.
                entry.authProfile = "none"
            case .apiKey(let key, let value, let inQuery)?:
                entry.authProfile = "none"
                if inQuery {
                    let separator = request.url.description.contains("?") ? "&" : "?"
                    request.url = PostmanTemplate.hurl(request.url.description + separator + key + "=" + value)
                } else {
                    request.headers.append(PostmanRequestConverter.keyValue(key, value))
                }
                entry.request = request
            }
            let variables = context.variables + (item["variable"]?.enabledPairs ?? [])
            var options = variables.map { HurlOption(name: "variable", value: PostmanTemplate.hurl("\($0.key)=\($0.value)")) }
            let behavior = item["protocolProfileBehavior"]
            if behavior?["followRedirects"]?.boolValue == true { options.append(HurlOption(name: "location", value: "true")) }
            if behavior?["strictSSL"]?.boolValue == false { options.append(HurlOption(name: "insecure", value: "true")) }
            if !options.isEmpty {
                entry.request.sections.insert(HurlRequestSection(name: "Options", content: .options(options)), at: 0)
            }
            let scripts = events(item, location: location)
            var leading: [HurlTrivia.Line] = first ? [] : [.blank]
            leading += pendingComments
            pendingComments = []
            pendingOwner = nil
            leading.append(.comment(" \(name.replacing("\n", with: " "))"))
            leading += scripts.comments
            entry.request.trivia.leadingLines = leading
            let asserts = context.testAsserts + scripts.asserts
            var sections: [HurlResponseSection] = []
            if !scripts.captures.isEmpty { sections.append(HurlResponseSection(name: "Captures", content: .captures(scripts.captures))) }
            if !asserts.isEmpty { sections.append(HurlResponseSection(name: "Asserts", content: .asserts(asserts))) }
            if !sections.isEmpty { entry.response = HurlResponse(status: .any, sections: sections) }
            return entry
        }

        /// Test scripts converted to asserts; what is left, and every pre-request script, as comments.
        private mutating func events(_ item: JSONValue, location: String) -> (asserts: [HurlAssert], captures: [HurlCapture], comments: [HurlTrivia.Line]) {
            var asserts: [HurlAssert] = []
            var captures: [HurlCapture] = []
            var comments: [HurlTrivia.Line] = []
            for event in item["event"]?.arrayValue ?? [] where event["disabled"]?.boolValue != true {
                let listen = event["listen"]?.stringValue ?? "script"
                let exec = event["script"]?["exec"]
                let source = exec?.stringValue ?? (exec?.arrayValue ?? []).compactMap(\.stringValue).joined(separator: "\n")
                guard !source.trimmingJS().isEmpty else { continue }
                var unconverted: [String]
                if listen == "test" {
                    let result = PostmanScriptConverter.convert(source)
                    asserts += result.asserts
                    captures += result.captures
                    unconverted = result.unconverted
                } else {
                    unconverted = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                }
                while unconverted.last?.trimmingJS().isEmpty == true { unconverted.removeLast() }
                guard !unconverted.isEmpty else { continue }
                let kind = listen == "test" ? "test script" : "pre-request script"
                comments += PostmanScriptComment.lines(listen: listen == "test" ? "test" : "prerequest", unconverted)
                warnings.append("\(location): \(kind) kept as a comment (\(unconverted.count) line\(unconverted.count == 1 ? "" : "s"))")
            }
            return (asserts, captures, comments)
        }
    }
}

import HTTPExchange
import Hurl
import JSON

/// One Hurl entry as a Postman request item.
enum PostmanItemWriter {
    static func item(for entry: HurlEntry, location: String, authProfiles: [String: [String: String]], warnings: inout [String]) -> JSONValue {
        let request = entry.request
        let (name, kept) = PostmanScriptComment.read(request.trivia.leadingLines)
        var item = JSONObject()
        item.append(key: "name", value: .string(name ?? "\(request.method) \(request.url.description)"))

        var variables: [JSONValue] = []
        var behavior = JSONObject()
        for option in request.options {
            switch option.name {
            case "variable":
                let (key, value) = option.value.description.splitOnce("=")
                variables.append(pair(key, value ?? ""))
            case "location": behavior.append(key: "followRedirects", value: .bool(option.value.description == "true"))
            case "user" where entry.request.basicAuth == nil && entry.authProfile == nil: continue
            case "insecure" where option.value.description == "true": behavior.append(key: "strictSSL", value: false)
            default: warnings.append("\(location): option '\(option.name)' has no Postman equivalent; left out")
            }
        }
        if !variables.isEmpty { item.append(key: "variable", value: .array(variables)) }

        var requestObject = JSONObject()
        requestObject.append(key: "method", value: .string(request.method))
        var headers = request.headers.map { pair($0.key.description, $0.value.description) }
        if let implied = impliedContentType(request) { headers.append(pair("Content-Type", implied)) }
        requestObject.append(key: "header", value: .array(headers))
        if let body = body(for: request, location: location, warnings: &warnings) { requestObject.append(key: "body", value: body) }
        requestObject.append(key: "url", value: PostmanURL.object(for: url(of: request)))
        if let auth = auth(for: entry, location: location, profiles: authProfiles, warnings: &warnings) {
            requestObject.append(key: "auth", value: auth)
        }
        item.append(key: "request", value: .object(requestObject))
        if !behavior.isEmpty { item.append(key: "protocolProfileBehavior", value: .object(behavior)) }

        var tests = kept["test"] ?? []
        if let response = entry.response {
            var asserts = response.asserts
            if case .code(let code) = response.status {
                let status = HurlAssert(query: .status, predicate: HurlPredicate(function: .equal, value: .number(String(code))))
                if !asserts.contains(where: { $0.query == .status && $0.filters.isEmpty && $0.predicate == status.predicate }) {
                    asserts.insert(status, at: 0)
                }
            }
            asserts += response.headers.map {
                HurlAssert(query: .header($0.key), predicate: HurlPredicate(function: .equal, value: .string($0.value)))
            }
            let script = PostmanScriptWriter.script(for: asserts)
            tests += script.lines
            for assert in script.unexported {
                warnings.append("\(location): assert '\(HurlWriter.text(of: assert))' has no Postman form; left out")
            }
            for capture in response.captures {
                if let line = PostmanScriptWriter.line(for: capture) {
                    tests.append(line)
                } else {
                    warnings.append("\(location): capture '\(HurlWriter.text(of: capture))' has no Postman form; left out")
                }
            }
            if response.body != nil { warnings.append("\(location): the expected response body is not exported") }
        }
        var events: [JSONValue] = []
        for (listen, lines) in [("prerequest", kept["prerequest"] ?? []), ("test", tests)] where !lines.isEmpty {
            events.append(.object(JSONObject([
                (key: "listen", value: .string(listen)),
                (key: "script", value: .object(JSONObject([(key: "type", value: "text/javascript"), (key: "exec", value: .array(lines.map(JSONValue.string)))]))),
            ])))
        }
        if !events.isEmpty { item.append(key: "event", value: .array(events)) }
        return .object(item)
    }

    /// The content type Hurl sends with a JSON, XML or GraphQL body that names none: Postman sends no
    /// header for a raw body, so the exported request says it.
    private static func impliedContentType(_ request: HurlRequest) -> String? {
        guard !request.headers.contains(where: { $0.key.description.lowercased() == "content-type" }), let body = request.body else { return nil }
        switch body.content {
        case .json: return "application/json"
        case .xml: return "application/xml"
        case .multiline(let multiline):
            return ["json": "application/json", "xml": "application/xml", "graphql": "application/json"][multiline.language ?? ""]
        default: return nil
        }
    }

    private static func url(of request: HurlRequest) -> String {
        var url = request.url.description
        let query = request.queryParams.map { "\($0.key.description)=\($0.value.description)" }
        if !query.isEmpty { url += (url.contains("?") ? "&" : "?") + query.joined(separator: "&") }
        return url
    }

    static func pair(_ key: String, _ value: String) -> JSONValue {
        .object(JSONObject([(key: "key", value: .string(key)), (key: "value", value: .string(value))]))
    }

    private static func body(for request: HurlRequest, location: String, warnings: inout [String]) -> JSONValue? {
        if !request.formParams.isEmpty {
            return .object(JSONObject([(key: "mode", value: "urlencoded"),
                                       (key: "urlencoded", value: .array(request.formParams.map { pair($0.key.description, $0.value.description) }))]))
        }
        if !request.multipartFields.isEmpty {
            let fields = request.multipartFields.map { field -> JSONValue in
                switch field.content {
                case .text(let value):
                    return .object(JSONObject([(key: "key", value: .string(field.name.description)), (key: "value", value: .string(value.description)),
                                               (key: "type", value: "text")]))
                case .file(let path, let contentType):
                    var object = JSONObject([(key: "key", value: .string(field.name.description)), (key: "type", value: "file"),
                                             (key: "src", value: .string(path.description))])
                    if let contentType { object.append(key: "contentType", value: .string(contentType)) }
                    return .object(object)
                }
            }
            return .object(JSONObject([(key: "mode", value: "formdata"), (key: "formdata", value: .array(fields))]))
        }
        guard let body = request.body else { return nil }
        let contentType = request.headers.first { $0.key.description.lowercased() == "content-type" }?.value.description.lowercased()
        func raw(_ text: String, language: String?) -> JSONValue {
            var object = JSONObject([(key: "mode", value: "raw"), (key: "raw", value: .string(text))])
            // Without a Content-Type header a language would make Postman add one.
            if contentType != nil, let language {
                object.append(key: "options", value: .object(JSONObject([(key: "raw", value: .object(JSONObject([(key: "language", value: .string(language))])))])))
            }
            return .object(object)
        }
        let headerLanguage = contentType.map { type in type.contains("json") ? "json" : type.contains("xml") ? "xml" : type.contains("html") ? "html" : "text" }
        switch body.content {
        case .json(let text): return raw(text, language: "json")
        case .xml(let text): return raw(text, language: "xml")
        case .oneline(let text): return raw(text.description, language: headerLanguage)
        case .multiline(let multiline):
            if multiline.language == "graphql" {
                return .object(JSONObject([(key: "mode", value: "graphql"),
                                           (key: "graphql", value: .object(JSONObject([(key: "query", value: .string(multiline.text))])))]))
            }
            return raw(multiline.text, language: multiline.language.flatMap { ["json", "xml", "html"].contains($0) ? $0 : nil } ?? headerLanguage)
        case .file(let path):
            return .object(JSONObject([(key: "mode", value: "file"), (key: "file", value: .object(JSONObject([(key: "src", value: .string(path.description))])))]))
        case .base64(let encoded):
            if let bytes = Base64.decode(encoded.filter { !$0.isWhitespace }), let text = String(validating: bytes, as: UTF8.self) { return raw(text, language: headerLanguage) }
            warnings.append("\(location): a binary body has no Postman form; left out")
            return nil
        case .hex(let digits):
            if let bytes = Hex.decode(digits), let text = String(validating: bytes, as: UTF8.self) { return raw(text, language: headerLanguage) }
            warnings.append("\(location): a binary body has no Postman form; left out")
            return nil
        }
    }

    private static func auth(for entry: HurlEntry, location: String, profiles: [String: [String: String]], warnings: inout [String]) -> JSONValue? {
        if let basic = entry.request.basicAuth, entry.authProfile == nil {
            return PostmanAuthWriter.block(type: "basic", [("username", basic.key.description), ("password", basic.value.description)])
        }
        if let user = entry.request.options.last(where: { $0.name == "user" }), entry.authProfile == nil {
            let (username, password) = user.value.description.splitOnce(":")
            return PostmanAuthWriter.block(type: "basic", [("username", username), ("password", password ?? "")])
        }
        guard let profile = entry.authProfile else { return nil }
        if profile == "none" { return .object(JSONObject([(key: "type", value: "noauth")])) }
        guard let settings = profiles[profile] else {
            warnings.append("\(location): auth profile '\(profile)' is not defined; exported without auth")
            return nil
        }
        guard let block = PostmanAuthWriter.block(for: settings) else {
            warnings.append("\(location): auth profile '\(profile)' (\(settings["type"] ?? "no type")) has no Postman form; exported without auth")
            return nil
        }
        return block
    }
}

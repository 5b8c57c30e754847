import HTTPExchange
import Hurl
import JSON

/// A Postman request (URL, headers, body) as a Hurl request. Disabled headers, parameters and body
/// fields stay out.
enum PostmanRequestConverter {
    static func convert(_ request: JSONValue, where location: String, warnings: inout [String]) -> HurlRequest {
        if let url = request.stringValue {
            return HurlRequest(method: "GET", url: PostmanTemplate.hurl(absolute(url)))
        }
        var hurl = HurlRequest(method: method(request), url: PostmanTemplate.hurl(absolute(url(request["url"]))))
        for header in headers(request["header"]) {
            let field = keyValue(header.key, header.value)
            guard isSendable(field) else {
                warnings.append("\(location): header '\(header.key)' cannot be sent (RFC 9110 allows a token as a name, and no line break in a value); left out")
                continue
            }
            hurl.headers.append(field)
        }
        if let body = request["body"], !body.isDisabled {
            addBody(body, to: &hurl, where: location, warnings: &warnings)
        }
        return hurl
    }

    /// Whether the header's text, placeholders aside, is a field HTTP can carry.
    static func isSendable(_ field: HurlKeyValue) -> Bool {
        let literal = { (template: HurlTemplate) in
            template.parts.map { part -> String in if case .text(let text) = part { text } else { "" } }.joined()
        }
        let name = literal(field.key)
        return (name.isEmpty ? !field.key.isEmpty : HTTPFieldSyntax.isValidName(name)) && HTTPFieldSyntax.isValidValue(literal(field.value))
    }

    /// The method, upper-cased; a request given as a bare URL is a GET.
    static func method(_ request: JSONValue?) -> String {
        (request?["method"]?.stringValue ?? "GET").uppercased()
    }

    /// False for a request saved without a URL (or without a request at all).
    static func hasURL(_ request: JSONValue?) -> Bool {
        guard let request else { return false }
        let text = request.stringValue ?? url(request["url"])
        return !text.isEmpty
    }

    /// The URL without disabled query parameters, path variables (`:id`) filled in.
    static func url(_ url: JSONValue?) -> String {
        guard let url else { return "" }
        if let text = url.stringValue { return text }
        var raw = url["raw"]?.stringValue ?? rebuilt(url)
        if let query = url["query"]?.arrayValue {
            if let mark = raw.firstIndex(of: "?") { raw = String(raw[..<mark]) }
            let pairs = query.filter { !$0.isDisabled }.map { item -> String in
                let key = item["key"]?.postmanText ?? ""
                guard let value = item["value"]?.postmanText else { return key }
                return key + "=" + value
            }
            if !pairs.isEmpty { raw += "?" + pairs.joined(separator: "&") }
        }
        for variable in url["variable"]?.arrayValue ?? [] {
            guard let key = variable["key"]?.postmanText else { continue }
            let value = variable["value"]?.postmanText.flatMap { $0.isEmpty ? nil : $0 } ?? "{{\(key)}}"
            raw = replacingPathVariable(key, with: value, in: raw)
        }
        return raw
    }

    private static func rebuilt(_ url: JSONValue) -> String {
        func joined(_ value: JSONValue?, _ separator: String) -> String {
            if let text = value?.stringValue { return text }
            return (value?.arrayValue ?? []).compactMap { $0.postmanText ?? $0["value"]?.postmanText }.joined(separator: separator)
        }
        var text = ""
        if let scheme = url["protocol"]?.stringValue { text += scheme + "://" }
        text += joined(url["host"], ".")
        if let port = url["port"]?.postmanText { text += ":" + port }
        let path = joined(url["path"], "/")
        if !path.isEmpty { text += (path.hasPrefix("/") ? "" : "/") + path }
        return text
    }

    private static func replacingPathVariable(_ key: String, with value: String, in raw: String) -> String {
        let (base, query) = raw.splitOnce("?")
        let segments = base.split(separator: "/", omittingEmptySubsequences: false).map { $0 == ":\(key)" ? Substring(value) : $0 }
        return segments.joined(separator: "/") + (query.map { "?" + $0 } ?? "")
    }

    /// Postman sends `http://` when a URL has no scheme.
    static func absolute(_ url: String) -> String {
        // By bytes, as the curl importer does: a combining mark after the `/` would hide a Character search.
        if url.utf8.firstRange(of: "://".utf8) != nil || url.hasPrefix("{{") || url.isEmpty { return url }
        return "http://" + url
    }

    static func headers(_ header: JSONValue?) -> [(key: String, value: String)] {
        if let text = header?.stringValue {
            // v2.0 allows the headers as one "Name: value\n" string.
            return text.split(separator: "\n").compactMap { line in
                let (name, value) = String(line).splitOnce(":")
                return value.map { (name.trimmingCharacters(), $0.trimmingCharacters()) }
            }
        }
        return header?.enabledPairs ?? []
    }

    static func keyValue(_ key: String, _ value: String) -> HurlKeyValue {
        HurlKeyValue(key: PostmanTemplate.hurl(key), value: PostmanTemplate.hurl(value))
    }

    static let rawContentTypes = ["json": "application/json", "xml": "application/xml", "html": "text/html",
                                  "text": "text/plain", "javascript": "application/javascript"]

    private static func addBody(_ body: JSONValue, to hurl: inout HurlRequest, where location: String, warnings: inout [String]) {
        let contentType = hurl.headers.first { $0.key.description.lowercased() == "content-type" }?.value.description
        switch body["mode"]?.stringValue {
        case "raw":
            let text = body["raw"]?.postmanText ?? ""
            guard !text.isEmpty else { return }
            let language = body["options"]?["raw"]?["language"]?.stringValue
            if contentType == nil, let language, let type = rawContentTypes[language] {
                hurl.headers.append(keyValue("Content-Type", type))
            }
            hurl.body = HurlBodyText.body(for: PostmanTemplate.rewritten(text), contentType: contentType ?? language.flatMap { rawContentTypes[$0] })
        case "urlencoded":
            let fields = body["urlencoded"]?.enabledPairs ?? []
            if !fields.isEmpty {
                hurl.sections.append(HurlRequestSection(name: "Form", content: .form(fields.map { keyValue($0.key, $0.value) })))
            }
        case "formdata":
            var fields: [HurlMultipartField] = []
            for item in body["formdata"]?.arrayValue ?? [] where !item.isDisabled {
                guard let key = item["key"]?.postmanText else { continue }
                let name = PostmanTemplate.hurl(key)
                if item["type"]?.stringValue == "file" {
                    let sources = (item["src"]?.arrayValue?.compactMap(\.stringValue) ?? item["src"]?.stringValue.map { [$0] } ?? []).filter { !$0.isEmpty }
                    if sources.isEmpty { warnings.append("\(location): form file '\(key)' has no file chosen; left out") }
                    for source in sources {
                        fields.append(HurlMultipartField(name: name, content: .file(path: PostmanTemplate.hurl(source),
                                                                                    contentType: item["contentType"]?.stringValue)))
                    }
                } else {
                    fields.append(HurlMultipartField(name: name, content: .text(PostmanTemplate.hurl(item["value"]?.postmanText ?? ""))))
                }
            }
            if !fields.isEmpty { hurl.sections.append(HurlRequestSection(name: "Multipart", content: .multipart(fields))) }
        case "file":
            if let source = body["file"]?["src"]?.stringValue, !source.isEmpty {
                hurl.body = HurlBody(.file(PostmanTemplate.hurl(source)))
            } else if let content = body["file"]?["content"]?.stringValue {
                hurl.body = HurlBodyText.body(for: PostmanTemplate.rewritten(content), contentType: contentType)
            } else {
                warnings.append("\(location): file body has no file chosen; left out")
            }
        case "graphql":
            let query = PostmanTemplate.rewritten(body["graphql"]?["query"]?.postmanText ?? "")
            var document = JSONObject([(key: "query", value: .string(query))])
            if let variables = body["graphql"]?["variables"]?.postmanText.map(PostmanTemplate.rewritten), !variables.trimmingJS().isEmpty {
                document.append(key: "variables", value: (try? JSONValue.parse(variables)) ?? .string(variables))
            }
            if contentType == nil { hurl.headers.append(keyValue("Content-Type", "application/json")) }
            hurl.body = HurlBody(.json(JSONValue.object(document).serialized(style: .pretty)))
        case nil:
            break
        case let mode?:
            warnings.append("\(location): body mode '\(mode)' is not supported; left out")
        }
    }
}

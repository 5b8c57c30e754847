import Foundation
import HTTPExchange
import Hurl
import JSON

/// Turns an entry's request into an `HTTPRequest`: templates expanded, query, cookies, basic auth,
/// form, multipart and body applied. Basic credentials come from `[BasicAuth]`, else the URL's
/// userinfo, else the `user` option (the entry's, or the run's `--user`).
struct RequestBuilder {
    let variables: VariableStore
    let baseURL: String?
    let directory: String?
    /// The run's session cookies, sent before an entry's own `[Cookies]` as Hurl (curl) sends both.
    var sessionCookies: CookieJar?

    func build(_ request: HurlRequest, user: String?) throws(RunFailure) -> HTTPRequest {
        let target = try variables.expand(request.url)
        var url: String
        do {
            url = try RequestURL.resolve(target, baseURL: baseURL)
        } catch {
            throw RunFailure(error.description, line: request.line)
        }
        let urlCredentials: String?
        (url, urlCredentials) = Self.splittingUserinfo(url)
        url = RequestURL.appendingQuery(try pairs(request.queryParams), to: url)
        var headers = HTTPHeaders()
        for header in request.headers {
            headers.add(try variables.expand(header.key), try variables.expand(header.value))
        }
        // Identify as the shell does (Hurl sends its own name too), so a replayed request is the typed one.
        if !headers.contains("User-Agent") { headers.add("User-Agent", RequestSpec.userAgent) }
        let cookies = try pairs(request.cookies)
        if !cookies.isEmpty {
            // A Cookie header keeps the transport from adding the jar's cookies, so they go in here.
            let session = RequestURL(url).flatMap { sessionCookies?.header(for: $0, now: Date().timeIntervalSince1970) }
            let own = cookies.map { "\($0.0)=\($0.1)" }
            headers.add("Cookie", ((session.map { [$0] } ?? []) + own).joined(separator: "; "))
        }
        if let basic = request.basicAuth {
            headers.set("Authorization", BasicCredentials.headerValue(username: try variables.expand(basic.key), password: try variables.expand(basic.value)))
        } else if let credentials = urlCredentials ?? user {
            headers.set("Authorization", BasicCredentials.headerValue(userPass: credentials))
        }
        var body = RequestBody.empty
        let form = try pairs(request.formParams)
        if !form.isEmpty { body = .form(form.map { FormField(name: $0.0, value: $0.1) }) }
        let fields = request.multipartFields
        if !fields.isEmpty { body = .multipart(try fields.map(part)) }
        if let content = request.body?.content {
            let (bytes, contentType) = try self.body(content, line: request.body?.line ?? request.line)
            body = .bytes(bytes)
            if let contentType, !headers.contains("Content-Type") { headers.add("Content-Type", contentType) }
        }
        return HTTPRequest(method: request.method, url: url, headers: headers, body: body)
    }

    private func pairs(_ items: [HurlKeyValue]) throws(RunFailure) -> [(String, String)] {
        var result: [(String, String)] = []
        for item in items { result.append((try variables.expand(item.key), try variables.expand(item.value))) }
        return result
    }

    private func part(_ field: HurlMultipartField) throws(RunFailure) -> MultipartPart {
        let name = try variables.expand(field.name)
        switch field.content {
        case .text(let value):
            return MultipartPart(name: name, content: .text(try variables.expand(value)))
        case .file(let path, let contentType):
            let relative = try variables.expand(path)
            let fileName = relative.split(separator: "/").last.map(String.init) ?? relative
            return MultipartPart(name: name, content: .file(path: FileSupport.path(relative, directory: directory),
                                                            fileName: fileName, contentType: contentType))
        }
    }

    private func body(_ content: HurlBody.Content, line: Int) throws(RunFailure) -> ([UInt8], String?) {
        switch content {
        case .json(let raw):
            return (Array(try variables.expandJSON(raw).utf8), "application/json")
        case .xml(let raw):
            return (Array(try variables.expand(HurlTemplate.parse(raw: raw)).utf8), "application/xml")
        case .oneline(let template):
            return (Array(try variables.expand(template).utf8), nil)
        case .multiline(let multiline):
            let text = multiline.attributes.contains("novariable")
                ? multiline.text
                : (multiline.language == "json" ? try variables.expandJSON(multiline.text)
                                                : try variables.expand(HurlTemplate.parse(raw: multiline.text)))
            switch multiline.language {
            case "json": return (Array(text.utf8), "application/json")
            case "xml": return (Array(text.utf8), "application/xml")
            case "graphql": return (Array(JSONValue.object(JSONObject([(key: "query", value: .string(text))])).serialized().utf8), "application/json")
            default: return (Array(text.utf8), nil)
            }
        case .base64(let text):
            guard let bytes = Base64.decode(text.filter { !$0.isWhitespace }, padding: .required) else { throw RunFailure("invalid base64 body", line: line) }
            return (bytes, nil)
        case .hex(let text):
            guard let bytes = Hex.decode(text) else { throw RunFailure("invalid hex body", line: line) }
            return (bytes, nil)
        case .file(let path):
            let relative = try variables.expand(path)
            do throws(EvaluationError) {
                return (try FileSupport.read(relative, directory: directory), nil)
            } catch {
                throw RunFailure(error.message, line: line)
            }
        }
    }

    /// `http://user:password@host/…` as Hurl (curl) sends it: the URL without its userinfo, and the
    /// decoded `user:password` for a Basic header, so the credentials never travel in a URL.
    static func splittingUserinfo(_ url: String) -> (url: String, credentials: String?) {
        guard let parts = URLText(url), let user = parts.user else { return (url, nil) }
        let credentials = PercentEncoding.decode(user) + ":" + (parts.password.map { PercentEncoding.decode($0) } ?? "")
        return (String(parts.schemePrefix + parts.hostAndPort + parts.rest), credentials)
    }
}

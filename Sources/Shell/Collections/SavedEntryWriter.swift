import HTTPExchange
import Hurl
import JSON

/// A request composed in the shell as the Hurl entry `save` appends: the request as typed (templates,
/// not their values), the transport options it was sent with, what was checked and captured from its
/// response, and the auth profile that signed it. Built as a Hurl AST, so `HurlWriter` writes it.
enum SavedEntryWriter {
    static func entry(record: ExchangeRecord, title: String) throws(ShellError) -> HurlEntry {
        let spec = record.spec
        var headers: [HurlKeyValue] = []
        var query: [HurlKeyValue] = []
        var form: [HurlKeyValue] = []
        var multipart: [HurlMultipartField] = []
        var jsonMembers: [String] = []
        for item in spec.items {
            switch item {
            case .header(let name, let value): headers.append(keyValue(name, value))
            case .removeHeader: continue
            case .query(let name, let value): query.append(keyValue(name, value))
            case .field(let name, let value):
                form.append(keyValue(name, value))
                multipart.append(HurlMultipartField(name: template(name), content: .text(template(value))))
                jsonMembers.append("\(JSONValue.quoted(name)): \(JSONValue.quoted(value))")
            case .jsonField(let name, let json):
                jsonMembers.append("\(JSONValue.quoted(name)): \(json)")
            case .fileUpload(let name, let path, let type):
                multipart.append(HurlMultipartField(name: template(name), content: .file(path: template(path), contentType: type)))
            case .fieldFromFile(let name, _), .jsonFieldFromFile(let name, _):
                throw .usage("field '\(name)' reads a file into the body, which a collection cannot express yet; inline the value to save it")
            }
        }
        // The shell asks for JSON when it sends JSON items (as HTTPie does); the entry must ask the same.
        if let accept = record.request.headers["Accept"], !headers.contains(where: { $0.key.description.lowercased() == "accept" }) {
            headers.insert(keyValue("Accept", accept), at: 0)
        }
        var sections: [HurlRequestSection] = []
        if !query.isEmpty { sections.append(HurlRequestSection(name: "Query", content: .query(query))) }
        var body: HurlBody?
        switch spec.bodyMode {
        case _ where spec.rawBody != nil:
            let raw = spec.rawBody ?? ""
            let trimmed = raw.drop { $0 == " " || $0 == "\n" }
            if trimmed.first == "{" || trimmed.first == "[" {
                body = HurlBody(.json(raw))
            } else if !raw.contains("\n") {
                body = HurlBody(.oneline(template(raw)))
            } else {
                body = HurlBody(.multiline(HurlMultilineString(text: raw.hasSuffix("\n") ? raw : raw + "\n")))
            }
        case .json where !jsonMembers.isEmpty:
            body = HurlBody(.json("{\n" + jsonMembers.map { "  " + $0 }.joined(separator: ",\n") + "\n}"))
        case .form where !form.isEmpty && multipart.count == form.count:
            sections.append(HurlRequestSection(name: "Form", content: .form(form)))
        case .form, .multipart:
            if !multipart.isEmpty { sections.append(HurlRequestSection(name: "Multipart", content: .multipart(multipart))) }
        default: break
        }
        let options = options(record.options.send)
        if !options.isEmpty { sections.append(HurlRequestSection(name: "Options", content: .options(options))) }

        var responseSections: [HurlResponseSection] = []
        if !record.captures.isEmpty { responseSections.append(HurlResponseSection(name: "Captures", content: .captures(record.captures))) }
        if !record.expectations.isEmpty { responseSections.append(HurlResponseSection(name: "Asserts", content: .asserts(record.expectations))) }
        let request = HurlRequest(
            method: spec.method.uppercased(), url: template(url(spec.target)), headers: headers, sections: sections, body: body,
            trivia: HurlTrivia(leadingLines: [.comment(" \(title)")]))
        return HurlEntry(authProfile: record.authProfile, request: request,
                         response: HurlResponse(status: .code(record.response.status), sections: responseSections,
                                                trivia: HurlTrivia(leadingLines: [.blank])))
    }

    /// The `[Options]` that make a run send it as the shell did: the shell follows redirects and Hurl
    /// does not by default; the rest only when they differ from the defaults.
    static func options(_ send: SendOptions) -> [HurlOption] {
        let defaults = SendOptions()
        var options: [HurlOption] = []
        func add(_ name: String, _ value: String) { options.append(HurlOption(name: name, value: HurlTemplate(text: value))) }
        add("location", send.followRedirects ? "true" : "false")
        if send.followRedirects, send.maxRedirects != defaults.maxRedirects { add("max-redirs", String(send.maxRedirects)) }
        if send.insecure { add("insecure", "true") }
        if let path = send.caCertificatePath { add("cacert", path) }
        if send.connectTimeout != defaults.connectTimeout, let timeout = send.connectTimeout { add("connect-timeout", milliseconds(timeout)) }
        if let timeout = send.timeout { add("max-time", milliseconds(timeout)) }
        return options
    }

    private static func milliseconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        return "\(seconds * 1000 + attoseconds / 1_000_000_000_000_000)ms"
    }

    /// Relative targets are written against `{{baseUrl}}`, so the file runs in any environment.
    static func url(_ target: String) -> String {
        if RequestURL.hasHTTPScheme(target) || target.hasPrefix("{{") { return target }
        if target.hasPrefix(":") { return (try? RequestURL.resolve(target, baseURL: nil)) ?? target }
        return "{{baseUrl}}" + (target.hasPrefix("/") ? target : "/" + target)
    }

    private static func keyValue(_ name: String, _ value: String) -> HurlKeyValue {
        HurlKeyValue(key: template(name), value: template(value))
    }

    /// Shell text with `{{name}}` placeholders as a Hurl template (the same placeholder rule).
    private static func template(_ text: String) -> HurlTemplate {
        HurlTemplate.parse(raw: text)
    }
}

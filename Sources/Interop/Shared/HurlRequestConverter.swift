import HTTPExchange
import Hurl
import JSON

/// A saved Hurl request as the `HTTPRequest` it stands for, with templates expanded by the caller
/// (which decides what an unknown variable becomes), e.g. to show it as a curl command.
public enum HurlRequestConverter {
    /// - Parameters:
    ///   - expand: the text of a template, variables filled in.
    ///   - readFile: the bytes of a `file,…;` body.
    public static func httpRequest(
        _ request: HurlRequest, expand: (HurlTemplate) throws -> String, readFile: (String) throws -> [UInt8]
    ) throws -> HTTPRequest {
        func pairs(_ items: [HurlKeyValue]) throws -> [(String, String)] {
            try items.map { (try expand($0.key), try expand($0.value)) }
        }
        var url = try expand(request.url)
        url = RequestURL.appendingQuery(try pairs(request.queryParams), to: url)
        var headers = HTTPHeaders()
        for header in request.headers { headers.add(try expand(header.key), try expand(header.value)) }
        let cookies = try pairs(request.cookies)
        if !cookies.isEmpty { headers.add("Cookie", cookies.map { "\($0.0)=\($0.1)" }.joined(separator: "; ")) }
        if let basic = request.basicAuth {
            headers.set("Authorization", "Basic " + CurlImport.base64(Array((try expand(basic.key) + ":" + expand(basic.value)).utf8)))
        }
        var body = RequestBody.empty
        let form = try pairs(request.formParams)
        if !form.isEmpty { body = .form(form.map { FormField(name: $0.0, value: $0.1) }) }
        if !request.multipartFields.isEmpty {
            body = .multipart(try request.multipartFields.map { field in
                switch field.content {
                case .text(let value): return MultipartPart(name: try expand(field.name), content: .text(try expand(value)))
                case .file(let path, let contentType):
                    let path = try expand(path)
                    return MultipartPart(name: try expand(field.name), content: .file(
                        path: path, fileName: path.split(separator: "/").last.map(String.init) ?? path, contentType: contentType))
                }
            })
        }
        if let content = request.body?.content {
            var contentType: String?
            let bytes: [UInt8]
            switch content {
            case .json(let raw):
                bytes = Array(try expand(HurlTemplate.parse(raw: raw)).utf8)
                contentType = "application/json"
            case .xml(let raw):
                bytes = Array(try expand(HurlTemplate.parse(raw: raw)).utf8)
                contentType = "application/xml"
            case .oneline(let template):
                bytes = Array(try expand(template).utf8)
            case .multiline(let multiline):
                let text = multiline.attributes.contains("novariable") ? multiline.text : try expand(HurlTemplate.parse(raw: multiline.text))
                if multiline.language == "graphql" {
                    bytes = Array(JSONValue.object(JSONObject([(key: "query", value: .string(text))])).serialized().utf8)
                    contentType = "application/json"
                } else {
                    bytes = Array(text.utf8)
                    contentType = ["json": "application/json", "xml": "application/xml"][multiline.language ?? ""]
                }
            case .base64(let text): bytes = Base64.decode(text) ?? []
            case .hex(let digits): bytes = Base64.decodeHex(digits) ?? []
            case .file(let path): bytes = try readFile(try expand(path))
            }
            body = .bytes(bytes)
            if let contentType, !headers.contains("Content-Type") { headers.add("Content-Type", contentType) }
        }
        return HTTPRequest(method: request.method, url: url, headers: headers, body: body)
    }
}

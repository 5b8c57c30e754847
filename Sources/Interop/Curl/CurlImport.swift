import HTTPExchange
import Hurl

/// What a curl command asks for, kept close to curl's own terms so that it maps both to a request
/// to send (``httpRequest(readFile:)``) and to a saved Hurl entry (``hurlEntry()``).
public struct CurlImport: Sendable, Equatable {
    /// A `-d`-style piece: literal text, or a file curl would read (`-d @file`).
    public enum DataPiece: Sendable, Equatable {
        case text(String)
        case file(String)
        /// `--data-urlencode [name]@file`: the file's content percent-encoded, after `name=` if given.
        case encodedFile(name: String?, path: String)
    }

    public enum Body: Sendable, Equatable {
        case none
        /// `-d`, `--data-raw`, `--data-binary`, `--data-urlencode`, `--json`: pieces joined with `&`
        /// (`--json` pieces are joined as they are).
        case data([DataPiece], joiner: String)
        /// `-F`, `--form-string`.
        case multipart([FormPart])
    }

    public enum FormPart: Sendable, Equatable {
        case part(MultipartPart)
        /// `-F name=<file`: the file's content sent as a text field.
        case textFromFile(name: String, path: String)
    }

    public var method: String
    public var url: String
    /// In command order; `-u` is kept apart in ``user``.
    public var headers: HTTPHeaders
    public var body: Body
    /// `-u user:password`: sent as HTTP Basic.
    public var user: String?
    public var insecure: Bool
    public var followRedirects: Bool
    public var compressed: Bool

    public init(method: String, url: String, headers: HTTPHeaders = HTTPHeaders(), body: Body = .none, user: String? = nil,
                insecure: Bool = false, followRedirects: Bool = false, compressed: Bool = false) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.user = user
        self.insecure = insecure
        self.followRedirects = followRedirects
        self.compressed = compressed
    }

    /// The request curl would send (apart from its own defaults such as `User-Agent: curl/…`).
    /// - Parameter readFile: reads `@file` data; the caller decides where relative paths start.
    public func httpRequest(readFile: (String) throws -> [UInt8]) throws(CurlImportError) -> HTTPRequest {
        var request = HTTPRequest(method: method, url: url, headers: headers)
        if let user, !request.headers.contains("Authorization") {
            request.headers.add("Authorization", BasicCredentials.headerValue(userPass: user))
        }
        if compressed, !request.headers.contains("Accept-Encoding") {
            request.headers.add("Accept-Encoding", "deflate, gzip")
        }
        switch body {
        case .none:
            break
        case .data(let pieces, let joiner):
            var bytes: [UInt8] = []
            for (index, piece) in pieces.enumerated() {
                if index > 0 { bytes += Array(joiner.utf8) }
                switch piece {
                case .text(let text): bytes += Array(text.utf8)
                case .file(let path):
                    do { bytes += try readFile(path) } catch { throw .unreadableFile(path: path, reason: "\(error)") }
                case .encodedFile(let name, let path):
                    let content: [UInt8]
                    do { content = try readFile(path) } catch { throw .unreadableFile(path: path, reason: "\(error)") }
                    let encoded = PercentEncoding.encode(String(decoding: content, as: UTF8.self), allowed: PercentEncoding.unreserved, spaceAsPlus: true)
                    bytes += Array(((name.map { $0 + "=" } ?? "") + encoded).utf8)
                }
            }
            request.body = .bytes(bytes)
        case .multipart(let parts):
            var resolved: [MultipartPart] = []
            for part in parts {
                switch part {
                case .part(let part): resolved.append(part)
                case .textFromFile(let name, let path):
                    let content: [UInt8]
                    do { content = try readFile(path) } catch { throw .unreadableFile(path: path, reason: "\(error)") }
                    resolved.append(MultipartPart(name: name, content: .text(String(decoding: content, as: UTF8.self))))
                }
            }
            request.body = .multipart(resolved)
        }
        return request
    }

    /// The same request as a Hurl entry. `-d @file` becomes a `file,…;` body; `-u` a `[BasicAuth]`
    /// section; `-k`, `-L` and `--compressed` become `[Options]`.
    public func hurlEntry() -> HurlEntry {
        var request = HurlRequest(method: method, url: HurlTemplate.parse(raw: url))
        request.headers = headers.map { HurlKeyValue(key: HurlTemplate(text: $0.name), value: HurlTemplate.parse(raw: $0.value)) }
        if let user {
            let (name, password) = user.splitOnce(":")
            if !name.isEmpty {
                request.sections.append(HurlRequestSection(name: "BasicAuth", content: .basicAuth([
                    HurlKeyValue(key: HurlTemplate.parse(raw: name), value: HurlTemplate.parse(raw: password ?? "")),
                ])))
            } else if !headers.contains("Authorization") {
                // A [BasicAuth] line needs a user name; `-u :password` is written as the header it sends.
                request.headers.append(HurlKeyValue(key: "Authorization", value: HurlTemplate(text: BasicCredentials.headerValue(userPass: user))))
            }
        }
        var options: [HurlOption] = []
        if insecure { options.append(HurlOption(name: "insecure", value: "true")) }
        if followRedirects { options.append(HurlOption(name: "location", value: "true")) }
        if compressed { options.append(HurlOption(name: "compressed", value: "true")) }
        if !options.isEmpty { request.sections.append(HurlRequestSection(name: "Options", content: .options(options))) }
        switch body {
        case .none:
            break
        case .data(let pieces, let joiner):
            if pieces.count == 1, case .file(let path) = pieces[0] {
                request.body = HurlBody(.file(HurlTemplate.parse(raw: path)))
            } else {
                let text = pieces.map { piece -> String in
                    switch piece {
                    case .text(let text): text
                    case .file(let path): "@" + path
                    case .encodedFile(let name, let path): (name.map { $0 + "=" } ?? "") + "@" + path
                    }
                }.joined(separator: joiner)
                request.body = HurlBodyText.body(for: text, contentType: headers["Content-Type"])
                if pieces.contains(where: \.isFileReference) {
                    // Hurl has no body made of text and files together: say so where the person will look.
                    request.trivia.leadingLines.append(.comment(" curl read the @files below into the body; Hurl sends them as written"))
                }
            }
        case .multipart(let parts):
            let fields = parts.map { part -> HurlMultipartField in
                switch part {
                case .part(let part):
                    switch part.content {
                    case .text(let value):
                        HurlMultipartField(name: HurlTemplate.parse(raw: part.name), content: .text(HurlTemplate.parse(raw: value)))
                    case .file(let path, _, let contentType):
                        HurlMultipartField(name: HurlTemplate.parse(raw: part.name), content: .file(path: HurlTemplate.parse(raw: path), contentType: contentType))
                    }
                case .textFromFile(let name, let path):
                    HurlMultipartField(name: HurlTemplate.parse(raw: name), content: .file(path: HurlTemplate.parse(raw: path), contentType: "text/plain"))
                }
            }
            if parts.contains(where: { if case .textFromFile = $0 { true } else { false } }) {
                // Hurl has no text field read from a file; the nearest is a file part.
                request.trivia.leadingLines.append(.comment(" curl sent the <file fields below as text; Hurl sends them as files"))
            }
            request.sections.append(HurlRequestSection(name: "Multipart", content: .multipart(fields)))
        }
        return HurlEntry(request: request)
    }
}

extension CurlImport.DataPiece {
    var isFileReference: Bool {
        if case .text = self { false } else { true }
    }
}

extension String {
    func splitOnce(_ separator: Character) -> (String, String?) {
        guard let index = firstIndex(of: separator) else { return (self, nil) }
        return (String(self[..<index]), String(self[self.index(after: index)...]))
    }
}

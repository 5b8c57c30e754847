import JSON

/// A request as a person composed it: templates unexpanded, items as typed. This is what history keeps
/// and what `save` writes, so that `{{id}}` and `{{access_token}}` never turn into their values on disk.
public struct RequestSpec: Sendable, Equatable {
    public enum BodyMode: Sendable, Equatable {
        /// Fields become a JSON object (HTTPie's default).
        case json
        /// Fields become `application/x-www-form-urlencoded`, or multipart when a file is attached.
        case form
        /// Always multipart, even without files.
        case multipart
    }

    public var method: String
    public var target: String
    public var items: [RequestItem]
    public var bodyMode: BodyMode
    /// A literal body (`--raw`, a heredoc); fields may not be given with it.
    public var rawBody: String?

    public init(method: String, target: String, items: [RequestItem] = [], bodyMode: BodyMode = .json, rawBody: String? = nil) {
        self.method = method
        self.target = target
        self.items = items
        self.bodyMode = bodyMode
        self.rawBody = rawBody
    }

    public static let userAgent = "apish/0.1"

    /// Expands every template and builds the request to send.
    /// - Parameter readFile: reads `@file` items; the caller decides where relative paths start. A
    ///   `FileFailure` it throws gives the reason alone, and the message names the file.
    public func build(
        variables: some VariableResolving, baseURL: String?, readFile: (String) throws -> [UInt8]
    ) throws(RequestBuildError) -> HTTPRequest {
        func expand(_ text: String) throws(RequestBuildError) -> String {
            do { return try Template(text).expand(variables) } catch { throw .unknownVariable(error.name) }
        }
        func read(_ path: String) throws(RequestBuildError) -> [UInt8] {
            do { return try readFile(path) } catch let failure as any FileFailure {
                throw .unreadableFile(path: path, reason: failure.reason)
            } catch {
                throw .unreadableFile(path: path, reason: "\(error)")
            }
        }

        let url: String
        do { url = try RequestURL.resolve(try expand(target), baseURL: baseURL) } catch let error as URLResolutionError {
            throw .url(error)
        } catch let error as RequestBuildError { throw error } catch { throw .url(.invalid(target)) }

        var request = HTTPRequest(method: method.uppercased(), url: url)
        var defaults: HTTPHeaders = ["User-Agent": Self.userAgent]
        var query: [(String, String)] = []
        var jsonFields = JSONObject()
        var formFields: [FormField] = []
        var parts: [MultipartPart] = []
        var hasFields = false
        var removed: [String] = []

        for item in items {
            switch item {
            case .header(let name, let value):
                request.headers.add(try expand(name), try expand(value))
            case .removeHeader(let name):
                removed.append(try expand(name))
            case .query(let name, let value):
                query.append((try expand(name), try expand(value)))
            case .field(let name, let value):
                hasFields = true
                let (name, value) = (try expand(name), try expand(value))
                jsonFields.append(key: name, value: .string(value))
                formFields.append(FormField(name: name, value: value))
                parts.append(MultipartPart(name: name, content: .text(value)))
            case .fieldFromFile(let name, let path):
                hasFields = true
                let (name, path) = (try expand(name), try expand(path))
                let text = String(decoding: try read(path), as: UTF8.self)
                jsonFields.append(key: name, value: .string(text))
                formFields.append(FormField(name: name, value: text))
                parts.append(MultipartPart(name: name, content: .text(text)))
            case .jsonField(let name, let json):
                hasFields = true
                let name = try expand(name)
                let value = try parseJSON(try expand(json), field: name)
                try addJSONOnly(name, value, to: &jsonFields)
            case .jsonFieldFromFile(let name, let path):
                hasFields = true
                let (name, path) = (try expand(name), try expand(path))
                let value = try parseJSON(String(decoding: try read(path), as: UTF8.self), field: name)
                try addJSONOnly(name, value, to: &jsonFields)
            case .fileUpload(let name, let path, let contentType):
                guard bodyMode != .json else { throw .fileUploadNeedsForm(name: name) }
                hasFields = true
                let path = try expand(path)
                let fileName = path.split(separator: "/").last.map(String.init) ?? path
                parts.append(MultipartPart(name: try expand(name), content: .file(path: path, fileName: fileName, contentType: contentType)))
            }
        }

        if let rawBody {
            guard !hasFields else { throw .rawBodyWithFields }
            request.body = .bytes(Array(try expand(rawBody).utf8))
        } else if hasFields {
            switch bodyMode {
            case .json:
                request.body = .bytes(Array(JSONValue.object(jsonFields).serialized().utf8))
                defaults.add("Content-Type", "application/json")
            case .form where !parts.contains(where: \.isFile):
                guard formFields.count == parts.count else { throw .jsonFieldInForm }
                request.body = .form(formFields)
            case .form, .multipart:
                guard formFields.count + parts.filter(\.isFile).count == parts.count else { throw .jsonFieldInForm }
                request.body = .multipart(parts)
            }
        }
        if bodyMode == .json {
            defaults.add("Accept", "application/json, */*;q=0.5")
        }
        if rawBody != nil, case .bytes(let bytes) = request.body, Self.looksLikeJSON(bytes) {
            defaults.add("Content-Type", "application/json")
        }
        // What the person typed wins over defaults; `Header:` removes one.
        let userHeaders = request.headers
        request.headers = HTTPHeaders(defaults.fields.filter { !userHeaders.contains($0.name) } + userHeaders.fields)
        for name in removed { request.headers.remove(name) }
        request.url = RequestURL.appendingQuery(query, to: request.url)
        return request
    }

    private func parseJSON(_ text: String, field: String) throws(RequestBuildError) -> JSONValue {
        do { return try JSONValue.parse(text) } catch { throw .invalidJSON(field: field, reason: "\(error)") }
    }

    private func addJSONOnly(_ name: String, _ value: JSONValue, to fields: inout JSONObject) throws(RequestBuildError) {
        guard bodyMode == .json else { throw .jsonFieldInForm }
        fields.append(key: name, value: value)
    }

    private static func looksLikeJSON(_ bytes: [UInt8]) -> Bool {
        let first = bytes.first { ![UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t")].contains($0) }
        return first == UInt8(ascii: "{") || first == UInt8(ascii: "[")
    }
}

extension MultipartPart {
    var isFile: Bool {
        if case .file = content { true } else { false }
    }
}

public enum RequestBuildError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknownVariable(String)
    case url(URLResolutionError)
    case unreadableFile(path: String, reason: String)
    case invalidJSON(field: String, reason: String)
    case fileUploadNeedsForm(name: String)
    case jsonFieldInForm
    case rawBodyWithFields

    public var description: String {
        switch self {
        case .unknownVariable(let name): UnknownVariableError(name: name).description
        case .url(let error): error.description
        case .unreadableFile(let path, let reason): "cannot read '\(path)': \(reason)"
        case .invalidJSON(let field, let reason): "field '\(field)' is not valid JSON: \(reason)"
        case .fileUploadNeedsForm(let name): "file upload '\(name)@…' needs --form or --multipart"
        case .jsonFieldInForm: "raw JSON fields (name:=value) cannot be sent in a form; drop --form"
        case .rawBodyWithFields: "a raw body cannot be combined with body fields"
        }
    }
}

/// A file that could not be used, saying why without naming it or what was being done: the message
/// that reports it does both ("cannot read 'notes.txt': no such file").
public protocol FileFailure: Error {
    var reason: String { get }
}

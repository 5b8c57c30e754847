/// A request ready to send: every template expanded, the URL absolute.
public struct HTTPRequest: Sendable, Equatable {
    public var method: String
    public var url: String
    public var headers: HTTPHeaders
    public var body: RequestBody

    public init(method: String, url: String, headers: HTTPHeaders = HTTPHeaders(), body: RequestBody = .empty) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }
}

public enum RequestBody: Sendable, Equatable {
    case empty
    /// Bytes sent as they are; the content type, if any, is in the request's headers.
    case bytes([UInt8])
    /// `application/x-www-form-urlencoded`, kept as pairs so that OAuth 1 can sign them.
    case form([FormField])
    case multipart([MultipartPart])

    public var isEmpty: Bool {
        switch self {
        case .empty: true
        case .bytes(let bytes): bytes.isEmpty
        case .form(let fields): fields.isEmpty
        case .multipart(let parts): parts.isEmpty
        }
    }
}

public struct FormField: Sendable, Equatable {
    public var name: String
    public var value: String
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

public struct MultipartPart: Sendable, Equatable {
    public enum Content: Sendable, Equatable {
        case text(String)
        /// A file read when the request is sent, so that large uploads are not held twice.
        case file(path: String, fileName: String, contentType: String?)
    }

    public var name: String
    public var content: Content

    public init(name: String, content: Content) {
        self.name = name
        self.content = content
    }
}

import JSON

public struct HTTPResponse: Sendable {
    /// As the server spoke it, e.g. `HTTP/1.1` or `HTTP/2`.
    public var version: String
    public var status: Int
    public var reason: String
    public var headers: HTTPHeaders
    public var body: [UInt8]
    /// The URL that answered, after any redirects.
    public var url: String
    public var elapsed: Duration
    /// The redirects followed to get here, first to last.
    public var redirects: [RedirectHop]
    /// Set when the body went to a file as it arrived (``SendOptions/bodyFile``); ``body`` is then empty.
    public var savedBody: SavedBody?

    /// One redirect answer on the way to the final response.
    public struct RedirectHop: Sendable, Equatable {
        public var version: String
        public var status: Int
        public var reason: String
        /// The `Location` header as the server sent it.
        public var location: String

        /// `302 Found`, or `302` when the server sent no reason phrase.
        public var statusText: String { HTTPResponse.statusText(status, reason) }

        public init(version: String, status: Int, reason: String, location: String) {
            self.version = version
            self.status = status
            self.reason = reason
            self.location = location
        }
    }

    public struct SavedBody: Sendable, Equatable {
        public var path: String
        public var size: Int

        public init(path: String, size: Int) {
            self.path = path
            self.size = size
        }
    }

    public init(
        version: String, status: Int, reason: String, headers: HTTPHeaders, body: [UInt8], url: String,
        elapsed: Duration, redirects: [RedirectHop] = [], savedBody: SavedBody? = nil
    ) {
        self.version = version
        self.status = status
        self.reason = reason
        self.headers = headers
        self.body = body
        self.url = url
        self.elapsed = elapsed
        self.redirects = redirects
        self.savedBody = savedBody
    }

    /// `200 OK` as the server sent it, or `200` when it sent no reason phrase (as in HTTP/2).
    public var statusText: String { Self.statusText(status, reason) }

    static func statusText(_ status: Int, _ reason: String) -> String {
        reason.isEmpty ? "\(status)" : "\(status) \(reason)"
    }

    /// The body's size in bytes, wherever it went.
    public var bodySize: Int { savedBody?.size ?? body.count }

    public var contentType: String? { headers["Content-Type"] }

    /// The media type without parameters, lower-cased: `application/json` for `application/json; charset=utf-8`.
    public var mediaType: String? {
        contentType.map { $0.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false)[0].trimmingWhitespace().lowercased() }
    }

    /// True for `application/json`, `*/*+json` and `text/json`: what apish pretty-prints and queries.
    public var isJSON: Bool {
        guard let mediaType else { return false }
        return mediaType == "application/json" || mediaType.hasSuffix("+json") || mediaType == "text/json"
    }

    /// The body read as JSON whatever its declared type, as a person querying it expects.
    public func json() throws -> JSONValue {
        try JSONValue.parse(body)
    }

    /// The body as text when it is valid UTF-8 without control bytes other than whitespace.
    public var text: String? {
        guard let string = String(validating: body, as: UTF8.self) else { return nil }
        let binary = string.unicodeScalars.contains { scalar in
            scalar.value < 0x20 && scalar != "\n" && scalar != "\r" && scalar != "\t"
        }
        return binary ? nil : string
    }
}

extension Substring {
    func trimmingWhitespace() -> Substring {
        var slice = self
        while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }
        return slice
    }
}

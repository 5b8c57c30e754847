/// A `[Section]` of a request.
public struct HurlRequestSection: Sendable, Hashable {
    public enum Content: Sendable, Hashable {
        case query([HurlKeyValue])
        case form([HurlKeyValue])
        case multipart([HurlMultipartField])
        case cookies([HurlKeyValue])
        case basicAuth([HurlKeyValue])
        case options([HurlOption])
    }

    /// The name as written, e.g. `Query` or its older spelling `QueryStringParams`.
    public var name: String
    public var content: Content
    public var trivia: HurlTrivia
    public var line: Int

    public init(name: String, content: Content, trivia: HurlTrivia = HurlTrivia(), line: Int = 0) {
        self.name = name
        self.content = content
        self.trivia = trivia
        self.line = line
    }

    /// Every accepted section name and the content it starts.
    public static let names: [String: Content] = [
        "Query": .query([]), "QueryStringParams": .query([]),
        "Form": .form([]), "FormParams": .form([]),
        "Multipart": .multipart([]), "MultipartFormData": .multipart([]),
        "Cookies": .cookies([]),
        "BasicAuth": .basicAuth([]),
        "Options": .options([]),
    ]
}

/// A `[Multipart]` field: text, or `file,PATH;` with an optional content type.
public struct HurlMultipartField: Sendable, Hashable {
    public enum Content: Sendable, Hashable {
        case text(HurlTemplate)
        case file(path: HurlTemplate, contentType: String?)
    }

    public var name: HurlTemplate
    public var content: Content
    public var trivia: HurlTrivia
    public var line: Int

    public init(name: HurlTemplate, content: Content, trivia: HurlTrivia = HurlTrivia(), line: Int = 0) {
        self.name = name
        self.content = content
        self.trivia = trivia
        self.line = line
    }
}

/// An `[Options]` line such as `location: true`, `retry: 3` or `variable: id=42`.
/// The value is kept as written; the runner reads it.
public struct HurlOption: Sendable, Hashable {
    public var name: String
    public var value: HurlTemplate
    public var trivia: HurlTrivia
    public var line: Int

    public init(name: String, value: HurlTemplate, trivia: HurlTrivia = HurlTrivia(), line: Int = 0) {
        self.name = name
        self.value = value
        self.trivia = trivia
        self.line = line
    }

    /// Options Hurl documents; any other name is accepted with a warning.
    public static let knownNames: Set<String> = [
        "aws-sigv4", "cacert", "cert", "key", "compressed", "connect-timeout", "connect-to", "delay", "header",
        "http1.0", "http1.1", "http2", "http3", "insecure", "ipv4", "ipv6", "limit-rate", "location",
        "location-trusted", "max-redirs", "max-time", "netrc", "netrc-file", "netrc-optional", "output",
        "path-as-is", "pinnedpubkey", "proxy", "repeat", "resolve", "retry", "retry-interval", "skip",
        "unix-socket", "user", "variable", "verbose", "very-verbose",
    ]
}

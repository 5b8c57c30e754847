/// What an assert or capture reads from the response.
public enum HurlQuery: Sendable, Hashable {
    case status
    case version
    case url
    case ip
    case redirects
    case header(HurlTemplate)
    case cookie(HurlTemplate)
    case body
    case xpath(HurlTemplate)
    case jsonpath(HurlTemplate)
    case regex(HurlPattern)
    case variable(HurlTemplate)
    case duration
    case bytes
    case sha256
    case md5
    case certificate(HurlTemplate)

    /// The query's keyword.
    public var keyword: String {
        switch self {
        case .status: "status"
        case .version: "version"
        case .url: "url"
        case .ip: "ip"
        case .redirects: "redirects"
        case .header: "header"
        case .cookie: "cookie"
        case .body: "body"
        case .xpath: "xpath"
        case .jsonpath: "jsonpath"
        case .regex: "regex"
        case .variable: "variable"
        case .duration: "duration"
        case .bytes: "bytes"
        case .sha256: "sha256"
        case .md5: "md5"
        case .certificate: "certificate"
        }
    }
}

/// A pattern argument: a quoted string or a `/regex/` literal.
public enum HurlPattern: Sendable, Hashable {
    case string(HurlTemplate)
    /// The pattern between the slashes, with `\/` already turned into `/`.
    case regex(String)
}

/// The pieces of an absolute http(s) URL that apish needs to reason about: where it goes (for error
/// messages, cookies, the plain-http warning) and its query (for OAuth 1 signing).
public struct RequestURL: Sendable, Equatable {
    public var scheme: String
    public var host: String
    public var port: Int?
    /// Path as written (still percent-encoded), at least `/`.
    public var path: String
    /// Query as written (still percent-encoded), without `?`; nil when the URL has none.
    public var query: String?

    /// Cut where ``URLText`` cuts it, by bytes.
    public init?(_ text: String) {
        guard let parts = URLText(text) else { return nil }
        let scheme = Self.lowercased(parts.scheme)
        guard scheme == "http" || scheme == "https" else { return nil }
        var host = parts.hostAndPort
        var port: Int?
        if host.utf8.first == UInt8(ascii: "[") {
            guard let close = host.utf8.firstIndex(of: UInt8(ascii: "]")) else { return nil }
            let afterBracket = host[host.utf8.index(after: close)...]
            if afterBracket.utf8.first == UInt8(ascii: ":") {
                guard let value = Int(afterBracket.dropFirst()) else { return nil }
                port = value
            }
            host = host[...close]
        } else if let colon = host.utf8.lastIndex(of: UInt8(ascii: ":")) {
            let portText = host[host.utf8.index(after: colon)...]
            if !portText.isEmpty {
                guard let value = Int(portText), (0...65535).contains(value) else { return nil }
                port = value
            }
            host = host[..<colon]
        }
        guard !host.isEmpty else { return nil }

        self.scheme = scheme
        self.host = Self.lowercased(host)
        self.port = port
        let path = parts.path
        self.path = path.isEmpty ? "/" : String(path)
        self.query = parts.query.map(String.init)
    }

    /// Most schemes and hosts are written in lower case already; those are not copied through a case map.
    private static func lowercased(_ text: Substring) -> String {
        text.utf8.allSatisfy { $0 < 0x80 && !(UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) } ? String(text) : text.lowercased()
    }

    public var effectivePort: Int { port ?? (scheme == "https" ? 443 : 80) }

    /// `host[:port]`, the port only when it is not the scheme's default and an IPv6 host in brackets:
    /// what a `Host` header carries.
    public var authority: String {
        let shownHost = host.utf8.contains(UInt8(ascii: ":")) && host.utf8.first != UInt8(ascii: "[") ? "[" + host + "]" : host
        guard let port, port != (scheme == "https" ? 443 : 80) else { return shownHost }
        return shownHost + ":" + String(port)
    }

    /// `scheme://host[:port]` with the port only when it is not the scheme's default.
    public var origin: String { scheme + "://" + authority }

    /// `origin + path`: the base string URI of OAuth 1 (RFC 5849 §3.4.1.2).
    public var withoutQuery: String { origin + path }

    public var queryPairs: [(String, String)] {
        query.map { PercentEncoding.decodePairs($0) } ?? []
    }

    public var isLoopback: Bool {
        host == "localhost" || host.hasPrefix("127.") || host == "[::1]" || host == "::1"
    }

    /// Appends `name=value` pairs to the query, encoding them.
    public static func appendingQuery(_ pairs: [(String, String)], to url: String) -> String {
        guard !pairs.isEmpty else { return url }
        let encoded = pairs.map {
            PercentEncoding.encodeQueryComponent($0.0) + "=" + PercentEncoding.encodeQueryComponent($0.1)
        }.joined(separator: "&")
        var base = Substring(url)
        var fragment = ""
        if let hash = base.firstIndex(of: "#") {
            fragment = String(base[hash...])
            base = base[..<hash]
        }
        let separator = base.contains("?") ? (base.hasSuffix("?") || base.hasSuffix("&") ? "" : "&") : "?"
        return base + separator + encoded + fragment
    }

    /// Makes `target` absolute the way a person typing in the shell means it:
    /// - `http://…`/`https://…` as written;
    /// - `:8080/path` and `:/path` for localhost, as HTTPie does;
    /// - with a base URL, anything else is a path under it (`/api/x` and `api/x` alike);
    /// - without one, `host/path` gets `http://`.
    public static func resolve(_ target: String, baseURL: String?) throws(URLResolutionError) -> String {
        if hasHTTPScheme(target) {
            guard RequestURL(target) != nil else { throw .invalid(target) }
            return target
        }
        if target.hasPrefix(":") {
            let rest = target.dropFirst()
            let portEnd = rest.firstIndex { !$0.isNumber } ?? rest.endIndex
            let port = rest[..<portEnd]
            let path = rest[portEnd...]
            return "http://localhost" + (port.isEmpty ? "" : ":\(port)") + (path.hasPrefix("/") ? String(path) : "/" + path)
        }
        if let baseURL, !baseURL.isEmpty {
            guard RequestURL(baseURL) != nil else { throw .invalidBase(baseURL) }
            var base = Substring(baseURL)
            while base.hasSuffix("/") { base = base.dropLast() }
            if target.isEmpty { return String(base) + "/" }
            return base + (target.hasPrefix("/") || target.hasPrefix("?") ? target : "/" + target)
        }
        guard !target.isEmpty, !target.hasPrefix("/") else { throw .relativeWithoutBase(target) }
        let absolute = "http://" + target
        guard RequestURL(absolute) != nil else { throw .invalid(target) }
        return absolute
    }
}

public enum URLResolutionError: Error, Sendable, Equatable, CustomStringConvertible {
    case invalid(String)
    case invalidBase(String)
    case relativeWithoutBase(String)

    public var description: String {
        switch self {
        case .invalid(let url): "invalid URL '\(url)'"
        case .invalidBase(let url): "the environment's baseUrl '\(url)' is not an http(s) URL"
        case .relativeWithoutBase(let url):
            "'\(url)' is relative but no baseUrl is set: `env set baseUrl https://…` or give a full URL"
        }
    }
}

extension RequestURL {
    /// Whether text starts with `http://` or `https://`, in any case. Compared by bytes: as Characters,
    /// a combining mark right after the `/` would join it and hide the scheme.
    public static func hasHTTPScheme(_ text: String) -> Bool {
        let prefix = text.utf8.prefix(8).map { (65...90).contains($0) ? $0 + 32 : $0 }
        return prefix.starts(with: "http://".utf8) || prefix.starts(with: "https://".utf8)
    }
}

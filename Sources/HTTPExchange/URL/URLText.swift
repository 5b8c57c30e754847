/// An absolute URL's text cut at the delimiters of its authority: the one place apish finds a URL's
/// scheme, userinfo and host, whether to send it, to mask its password or to turn it into Basic auth.
///
/// The delimiters (`://`, `@`, `:`, `/`, `?`, `#`) are found by their bytes, as RFC 3986 reads a URL: a
/// combining mark after one does not hide it, as it would from a search by Characters (and a password
/// hidden that way would go unmasked). Every piece is a slice of the text, so the pieces put back
/// together give it byte for byte.
public struct URLText: Sendable {
    /// The scheme, without `://`.
    public let scheme: Substring
    /// From the start of the text through `://`.
    public let schemePrefix: Substring
    /// Between `://` and the authority's last `@`; nil when the authority has no `@`.
    public let userinfo: Substring?
    /// The host and port: the authority after any userinfo and its `@`.
    public let hostAndPort: Substring
    /// Path, query and fragment: from the first `/`, `?` or `#` after `://` to the end.
    public let rest: Substring

    /// Nil when the text has no `://`.
    public init?(_ text: Substring) {
        let utf8 = text.utf8
        var searchFrom = utf8.startIndex
        var separator: String.Index?
        while let colon = utf8[searchFrom...].firstIndex(of: UInt8(ascii: ":")) {
            if utf8[utf8.index(after: colon)...].starts(with: "//".utf8) {
                separator = colon
                break
            }
            searchFrom = utf8.index(after: colon)
        }
        guard let separator else { return nil }
        let authorityStart = utf8.index(separator, offsetBy: 3)
        let afterScheme = text[authorityStart...]
        let authorityEnd = afterScheme.utf8.firstIndex { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }
            ?? text.endIndex
        let authority = text[authorityStart..<authorityEnd]
        scheme = text[..<separator]
        schemePrefix = text[..<authorityStart]
        if let at = authority.utf8.lastIndex(of: UInt8(ascii: "@")) {
            userinfo = authority[..<at]
            hostAndPort = authority[authority.utf8.index(after: at)...]
        } else {
            userinfo = nil
            hostAndPort = authority
        }
        rest = text[authorityEnd...]
    }

    public init?(_ text: String) {
        self.init(Substring(text))
    }

    /// The path: `rest` up to its query or fragment (empty for `http://host`).
    public var path: Substring {
        rest[..<(rest.utf8.firstIndex { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") } ?? rest.endIndex)]
    }

    /// The query, without its `?` and any fragment; nil when the URL has no `?`.
    public var query: Substring? {
        var pathAndQuery = rest
        if let hash = pathAndQuery.utf8.firstIndex(of: UInt8(ascii: "#")) { pathAndQuery = pathAndQuery[..<hash] }
        guard let questionMark = pathAndQuery.utf8.firstIndex(of: UInt8(ascii: "?")) else { return nil }
        return pathAndQuery[pathAndQuery.utf8.index(after: questionMark)...]
    }

    /// The userinfo up to its first `:` (all of it without one), still percent-encoded.
    public var user: Substring? {
        guard let userinfo else { return nil }
        return userinfo.utf8.firstIndex(of: UInt8(ascii: ":")).map { userinfo[..<$0] } ?? userinfo
    }

    /// The userinfo after its first `:`, still percent-encoded; nil without one.
    public var password: Substring? {
        guard let userinfo, let colon = userinfo.utf8.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        return userinfo[userinfo.utf8.index(after: colon)...]
    }
}

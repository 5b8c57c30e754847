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
        guard let cuts = text.utf8.withContiguousStorageIfAvailable(Cuts.init) ?? Array(text.utf8).withUnsafeBufferPointer(Cuts.init)
        else { return nil }
        let utf8 = text.utf8
        // Each cut is at an ASCII delimiter, so a slice of the UTF-8 view there is a slice of the text.
        let separator = utf8.index(utf8.startIndex, offsetBy: cuts.separator)
        let authorityStart = utf8.index(separator, offsetBy: 3)
        let authorityEnd = utf8.index(authorityStart, offsetBy: cuts.authorityEnd - cuts.separator - 3)
        scheme = Substring(utf8[..<separator])
        schemePrefix = Substring(utf8[..<authorityStart])
        if let lastAt = cuts.lastAt {
            let at = utf8.index(authorityStart, offsetBy: lastAt - cuts.separator - 3)
            userinfo = Substring(utf8[authorityStart..<at])
            hostAndPort = Substring(utf8[utf8.index(after: at)..<authorityEnd])
        } else {
            userinfo = nil
            hostAndPort = Substring(utf8[authorityStart..<authorityEnd])
        }
        rest = Substring(utf8[authorityEnd...])
    }

    /// Byte offsets of the delimiters: the first `://`, the authority's end (its first `/`, `?` or `#`,
    /// or the end) and the authority's last `@`.
    private struct Cuts {
        var separator = 0
        var authorityEnd = 0
        var lastAt: Int?

        init?(_ bytes: UnsafeBufferPointer<UInt8>) {
            var colon = 0
            while colon + 2 < bytes.count,
                  !(bytes[colon] == UInt8(ascii: ":") && bytes[colon + 1] == UInt8(ascii: "/") && bytes[colon + 2] == UInt8(ascii: "/")) {
                colon += 1
            }
            guard colon + 2 < bytes.count else { return nil }
            separator = colon
            authorityEnd = colon + 3
            scan: while authorityEnd < bytes.count {
                switch bytes[authorityEnd] {
                case UInt8(ascii: "/"), UInt8(ascii: "?"), UInt8(ascii: "#"): break scan
                case UInt8(ascii: "@"): lastAt = authorityEnd
                default: break
                }
                authorityEnd += 1
            }
        }
    }

    public init?(_ text: String) {
        self.init(Substring(text))
    }

    /// The path: `rest` up to its query or fragment (empty for `http://host`).
    public var path: Substring {
        Substring(rest.utf8[..<(Self.firstIndex(in: rest) { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") } ?? rest.endIndex)])
    }

    /// The query, without its `?` and any fragment; nil when the URL has no `?`.
    public var query: Substring? {
        guard let questionMark = Self.firstIndex(in: rest, where: { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }),
              rest.utf8[questionMark] == UInt8(ascii: "?")
        else { return nil }
        let afterMark = rest.utf8.index(after: questionMark)
        let end = Self.firstIndex(in: rest[afterMark...]) { $0 == UInt8(ascii: "#") } ?? rest.endIndex
        return Substring(rest.utf8[afterMark..<end])
    }

    /// The first byte of `text` that `predicate` accepts, read from contiguous UTF-8.
    private static func firstIndex(in text: Substring, where predicate: (UInt8) -> Bool) -> String.Index? {
        var contiguous = text
        return contiguous.withUTF8 { $0.firstIndex(where: predicate) }.map { text.utf8.index(text.utf8.startIndex, offsetBy: $0) }
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

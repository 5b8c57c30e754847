import HTTPExchange

/// Percent-encoding as OAuth 1 requires it (RFC 5849 §3.6): every byte of the UTF-8 form except the
/// RFC 3986 unreserved characters `A-Z a-z 0-9 - . _ ~` becomes `%XX` with upper-case hex digits.
/// A space is `%20`, never `+`; `*` is escaped, `~` is not.
public enum OAuthPercentEncoding {
    public static func encode(_ s: String) -> String {
        PercentEncoding.encode(s, allowed: PercentEncoding.unreserved)
    }
}

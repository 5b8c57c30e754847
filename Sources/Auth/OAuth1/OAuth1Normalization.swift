/// How request parameters become the third part of the signature base string.
///
/// - `rfc5849`: RFC 5849 §3.4.1.3.2. Every pair is signed, empty values and repeated names included;
///   names and values are encoded, then sorted by name and, for equal names, by value.
/// - `mauticLegacy`: what Mautic ≤ 3 (its Bazinga OAuth server fork and its api-library client) sign:
///   1. pairs whose value PHP calls empty (`""` and `"0"`) are left out;
///   2. a bracketed name is reduced to the text before its first `[` (`where[0][col]` → `where`);
///   3. each pair becomes `enc(name)=enc(value)` and these strings are sorted byte-wise and joined by `&`.
public enum OAuth1Normalization: String, Sendable, CaseIterable {
    case rfc5849
    case mauticLegacy = "mautic-legacy"

    /// The normalized parameter string (without `oauth_signature`, which is never signed).
    public func normalize(_ parameters: [(String, String)]) -> String {
        let signed = parameters.filter { $0.0 != "oauth_signature" }
        switch self {
        case .rfc5849:
            return signed
                .map { (OAuthPercentEncoding.encode($0.0), OAuthPercentEncoding.encode($0.1)) }
                .sorted { left, right in
                    left.0 == right.0 ? Self.precedes(left.1, right.1) : Self.precedes(left.0, right.0)
                }
                .map { $0.0 + "=" + $0.1 }
                .joined(separator: "&")
        case .mauticLegacy:
            return signed
                .filter { !$0.1.isEmpty && $0.1 != "0" }
                .map { name, value in
                    let topLevel = name.firstIndex(of: "[").map { String(name[..<$0]) } ?? name
                    return OAuthPercentEncoding.encode(topLevel) + "=" + OAuthPercentEncoding.encode(value)
                }
                .sorted(by: Self.precedes)
                .joined(separator: "&")
        }
    }

    /// Byte order of the encoded (pure ASCII) strings, as RFC 5849 and PHP's SORT_STRING both mean.
    private static func precedes(_ left: String, _ right: String) -> Bool {
        left.utf8.lexicographicallyPrecedes(right.utf8)
    }
}

/// The `oauth_signature_method` values apish signs with (RFC 5849 §3.4, plus the SHA-2 variants that
/// providers such as Twitter-likes and oauthlib accept).
public enum OAuth1SignatureMethod: String, Sendable, CaseIterable {
    case hmacSHA1 = "HMAC-SHA1"
    case hmacSHA256 = "HMAC-SHA256"
    case hmacSHA512 = "HMAC-SHA512"
    case rsaSHA1 = "RSA-SHA1"
    case rsaSHA256 = "RSA-SHA256"
    case plaintext = "PLAINTEXT"

    /// RSA methods sign with a private key instead of the shared secrets.
    public var usesRSA: Bool { self == .rsaSHA1 || self == .rsaSHA256 }

    /// Accepts the registered name in any letter case (`hmac-sha256` as well as `HMAC-SHA256`).
    public init?(name: String) {
        guard let method = Self.allCases.first(where: { $0.rawValue.caseInsensitiveCompare(name) }) else {
            return nil
        }
        self = method
    }
}

extension String {
    func caseInsensitiveCompare(_ other: String) -> Bool {
        lowercased() == other.lowercased()
    }
}

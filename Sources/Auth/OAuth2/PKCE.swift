import Crypto
import HTTPExchange

/// Proof Key for Code Exchange (RFC 7636) with the S256 method.
public enum PKCE {
    /// A fresh verifier: 32 secure random bytes as base64url, 43 characters (RFC 7636 §4.1).
    public static func makeVerifier() -> String {
        SecureRandom.base64URLToken(bytes: 32)
    }

    /// `BASE64URL(SHA256(ASCII(verifier)))` without padding (RFC 7636 §4.2).
    public static func challenge(for verifier: String) -> String {
        Base64.encodeURLSafe(SHA256.hash(data: Array(verifier.utf8)))
    }

    /// Whether `verifier` has the form RFC 7636 §4.1 requires: 43 to 128 unreserved characters.
    public static func isValidVerifier(_ verifier: String) -> Bool {
        (43...128).contains(verifier.utf8.count) && verifier.utf8.allSatisfy(PercentEncoding.unreserved.contains)
    }

    /// For servers: whether `verifier` is well formed and hashes to `challenge`, compared in constant time.
    public static func verify(verifier: String, challenge expected: String) -> Bool {
        isValidVerifier(verifier) && ConstantTime.equals(challenge(for: verifier), expected)
    }
}

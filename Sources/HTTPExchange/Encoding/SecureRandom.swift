/// Random values for secrets: nonces, `state`, PKCE verifiers, the sandbox's codes and tokens.
/// `SystemRandomNumberGenerator` draws from the operating system's cryptographically secure source
/// (getrandom, arc4random); nothing here can be seeded or predicted.
public enum SecureRandom {
    public static func bytes(_ count: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }

    /// `count` random bytes as unpadded URL-safe Base64 (four characters for every three bytes): safe
    /// unescaped in URLs, headers and OAuth parameters.
    public static func base64URLToken(bytes count: Int) -> String {
        Base64.encodeURLSafe(bytes(count))
    }

    /// `length` letters and digits, for peers that accept nothing else (oauthlib checks nonces and
    /// verifiers against this set).
    public static func alphanumericToken(length: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        return String((0..<length).map { _ in alphanumerics.randomElement(using: &generator)! })
    }

    private static let alphanumerics = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
}

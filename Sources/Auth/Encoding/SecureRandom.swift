import HTTPExchange

/// Random bytes for nonces, `state` and PKCE verifiers. `SystemRandomNumberGenerator` draws from the
/// operating system's cryptographically secure source (getrandom / arc4random).
enum SecureRandom {
    static func bytes(_ count: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }

    /// `count` random bytes as base64url text: safe in URLs, headers and OAuth parameters unescaped.
    static func token(bytes count: Int = 32) -> String {
        Base64.encodeURLSafe(bytes(count))
    }
}

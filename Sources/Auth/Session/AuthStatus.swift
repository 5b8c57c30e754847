import Foundation

/// What `auth show` and the prompt say about a session. Holds no secret.
public struct AuthStatus: Sendable, Equatable {
    public var profile: String
    /// `basic`, `oauth1 HMAC-SHA1`, `oauth2 authorization_code`…
    public var method: String
    /// Whether requests can be authorized now without a login.
    public var isReady: Bool
    public var expiresAt: Date?
    public var scopes: [String]
    public var canRefresh: Bool
    /// Human-readable lines for `auth show`, secrets masked.
    public var details: [String]

    /// A short mark for the prompt: `oauth2 ✓`, `oauth2 ✗`, `basic ✓`.
    public var badge: String {
        let kind = method.split(separator: " ").first.map(String.init) ?? method
        return kind == "none" ? "" : "\(kind) \(isReady ? "✓" : "✗")"
    }
}

import Foundation
import HTTPExchange

/// Issued OAuth 2 authorization codes, access tokens and refresh tokens, kept in memory.
struct OAuth2Store: Sendable {
    struct AuthorizationCode: Sendable {
        let clientID: String
        let userID: Int
        let redirectURI: String
        let expires: Date
        let challenge: CodeChallenge?
        /// The scope and OpenID Connect nonce of the authorization request, for the tokens.
        var scope: String? = nil
        var nonce: String? = nil
    }

    struct Grant: Sendable {
        let clientID: String
        let userID: Int
        let expires: Date
        var scope: String? = nil
    }

    static let codeLifetime: TimeInterval = 30
    static let refreshTokenLifetime: TimeInterval = 14 * 86_400

    var codes: [String: AuthorizationCode] = [:]
    var accessTokens: [String: Grant] = [:]
    var refreshTokens: [String: Grant] = [:]
    var devices = DeviceStore()

    mutating func issueCode(_ code: AuthorizationCode) -> String {
        let value = SecureRandom.alphanumericToken(length: 43)
        codes[value] = code
        return value
    }

    /// Single use: the code is gone once looked up, whether or not the exchange then succeeds.
    mutating func redeemCode(_ value: String) -> AuthorizationCode? {
        codes.removeValue(forKey: value)
    }

    /// Records `access` (a signed JWT) as valid for its lifetime, and issues a refresh token when asked.
    mutating func issueTokens(
        access: String, clientID: String, userID: Int, scope: String?, accessLifetime: TimeInterval, withRefresh: Bool, now: Date
    ) -> String? {
        purgeExpired(now: now)
        accessTokens[access] = Grant(clientID: clientID, userID: userID, expires: now.addingTimeInterval(accessLifetime))
        guard withRefresh else { return nil }
        let refresh = SecureRandom.alphanumericToken(length: 86)
        refreshTokens[refresh] = Grant(
            clientID: clientID, userID: userID, expires: now.addingTimeInterval(Self.refreshTokenLifetime), scope: scope)
        return refresh
    }

    private mutating func purgeExpired(now: Date) {
        let horizon = now.addingTimeInterval(-3600)
        codes = codes.filter { $0.value.expires > horizon }
        accessTokens = accessTokens.filter { $0.value.expires > horizon }
        refreshTokens = refreshTokens.filter { $0.value.expires > horizon }
    }
}

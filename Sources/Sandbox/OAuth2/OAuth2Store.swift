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
    }

    struct Grant: Sendable {
        let clientID: String
        let userID: Int
        let expires: Date
    }

    static let codeLifetime: TimeInterval = 30
    static let refreshTokenLifetime: TimeInterval = 14 * 86_400

    var codes: [String: AuthorizationCode] = [:]
    var accessTokens: [String: Grant] = [:]
    var refreshTokens: [String: Grant] = [:]

    mutating func issueCode(_ code: AuthorizationCode) -> String {
        let value = SecureRandom.alphanumericToken(length: 43)
        codes[value] = code
        return value
    }

    /// Single use: the code is gone once looked up, whether or not the exchange then succeeds.
    mutating func redeemCode(_ value: String) -> AuthorizationCode? {
        codes.removeValue(forKey: value)
    }

    mutating func issueTokens(clientID: String, userID: Int, accessLifetime: TimeInterval, withRefresh: Bool, now: Date)
        -> (access: String, refresh: String?)
    {
        purgeExpired(now: now)
        let access = SecureRandom.alphanumericToken(length: 86)
        accessTokens[access] = Grant(clientID: clientID, userID: userID, expires: now.addingTimeInterval(accessLifetime))
        guard withRefresh else { return (access, nil) }
        let refresh = SecureRandom.alphanumericToken(length: 86)
        refreshTokens[refresh] = Grant(clientID: clientID, userID: userID, expires: now.addingTimeInterval(Self.refreshTokenLifetime))
        return (access, refresh)
    }

    private mutating func purgeExpired(now: Date) {
        let horizon = now.addingTimeInterval(-3600)
        codes = codes.filter { $0.value.expires > horizon }
        accessTokens = accessTokens.filter { $0.value.expires > horizon }
        refreshTokens = refreshTokens.filter { $0.value.expires > horizon }
    }
}

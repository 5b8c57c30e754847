import Foundation
import HTTPExchange

/// Request tokens (an hour), access tokens (no expiry, as in Mautic) and the nonces seen on API calls.
struct OAuth1Store: Sendable {
    struct RequestToken: Sendable {
        let consumerKey: String
        let secret: String
        let callback: String
        let expires: Date
        var verifier: String?
        var userID: Int?
    }

    struct AccessToken: Sendable {
        let consumerKey: String
        let secret: String
        let userID: Int
    }

    static let requestTokenLifetime: TimeInterval = 3600
    static let timestampWindow: TimeInterval = 600

    var requestTokens: [String: RequestToken] = [:]
    var accessTokens: [String: AccessToken] = [:]
    private var nonces: [String: Date] = [:]

    mutating func issueRequestToken(consumerKey: String, callback: String, now: Date) -> (token: String, secret: String) {
        requestTokens = requestTokens.filter { $0.value.expires > now }
        let token = SecureRandom.alphanumericToken(length: 40), secret = SecureRandom.alphanumericToken(length: 32)
        requestTokens[token] = RequestToken(
            consumerKey: consumerKey, secret: secret, callback: callback,
            expires: now.addingTimeInterval(Self.requestTokenLifetime), verifier: nil, userID: nil)
        return (token, secret)
    }

    mutating func issueAccessToken(consumerKey: String, userID: Int) -> (token: String, secret: String) {
        let token = SecureRandom.alphanumericToken(length: 40), secret = SecureRandom.alphanumericToken(length: 32)
        accessTokens[token] = AccessToken(consumerKey: consumerKey, secret: secret, userID: userID)
        return (token, secret)
    }

    /// False when this nonce was already used with this consumer, token and timestamp. Nonces older than
    /// the timestamp window are forgotten: their requests would be refused for their timestamp anyway.
    mutating func useNonce(_ nonce: String, consumerKey: String, token: String, timestamp: String, now: Date) -> Bool {
        let horizon = now.addingTimeInterval(-2 * Self.timestampWindow)
        if nonces.count > 10_000 { nonces = nonces.filter { $0.value > horizon } }
        let key = [consumerKey, token, timestamp, nonce].joined(separator: "\u{0}")
        if nonces[key] != nil { return false }
        nonces[key] = now
        return true
    }
}

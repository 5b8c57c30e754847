import Foundation
import HTTPExchange

/// What a login leaves behind for one (environment, profile), kept through `SecretStore` under the
/// session's store key as JSON. Only the fields of the profile's method are set.
struct StoredCredentials: Codable, Sendable, Equatable {
    /// Basic: a password given at `auth login`, kept with the user it was given for (`passwordUsername`);
    /// bearer: a token given at `auth login`.
    var password: String?
    var passwordUsername: String?
    var bearerToken: String?
    var oauth1: OAuth1Token?
    var oauth2: OAuth2Token?

    /// The Basic password stored for `username`: a profile whose user changed must not send the previous
    /// user's password as the new one.
    func password(of username: String) -> String? {
        passwordUsername == username ? password : nil
    }

    static func load(_ key: String, from store: any SecretStore) throws(AuthError) -> StoredCredentials? {
        let bytes: [UInt8]?
        do { bytes = try store.load(key) } catch { throw .storage("cannot read '\(key)': \(error)") }
        guard let bytes else { return nil }
        do {
            return try JSONDecoder().decode(StoredCredentials.self, from: Data(bytes))
        } catch {
            throw .storage("'\(key)' is not readable credentials; `auth logout` forgets it")
        }
    }

    func save(_ key: String, to store: any SecretStore) throws(AuthError) {
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            try store.save(key, Array(try encoder.encode(self)))
        } catch {
            throw .storage("cannot write '\(key)': \(error)")
        }
    }
}

/// An OAuth 2 token response as kept between runs (RFC 6749 §5.1).
public struct OAuth2Token: Codable, Sendable, Equatable {
    public var accessToken: String
    public var tokenType: String
    public var refreshToken: String?
    /// Absolute time the access token stops working; nil when the provider did not say.
    public var expiresAt: Date?
    public var issuedAt: Date
    public var scopes: [String]
    /// The OpenID Connect ID token (a JWT about the person who logged in), when the provider sent one.
    public var idToken: String?
    /// The nonce the login sent with its authorization request, which the ID token must carry back.
    public var nonce: String?

    public init(
        accessToken: String, tokenType: String = "bearer", refreshToken: String? = nil, expiresAt: Date? = nil,
        issuedAt: Date = Date(), scopes: [String] = [], idToken: String? = nil, nonce: String? = nil
    ) {
        self.accessToken = accessToken
        self.tokenType = tokenType
        self.refreshToken = refreshToken
        self.expiresAt = expiresAt
        self.issuedAt = issuedAt
        self.scopes = scopes
        self.idToken = idToken
        self.nonce = nonce
    }

    /// True from shortly before expiry: a tenth of the lifetime, at most a minute, so that a request
    /// does not leave with a token that dies on the way.
    public func needsRefresh(at now: Date = Date()) -> Bool {
        guard let expiresAt else { return false }
        let lifetime = expiresAt.timeIntervalSince(issuedAt)
        let margin = min(60, max(0, lifetime / 10))
        return now >= expiresAt.addingTimeInterval(-margin)
    }
}

import Auth
import Foundation
import HTTPExchange
import JSON

/// Makes the sandbox's tokens: RS256-signed JWT access tokens (RFC 9068's claims) and, for the `openid`
/// scope, OpenID Connect ID tokens, all signed with the key the JWKS endpoint publishes.
struct SandboxTokenIssuer {
    let signer: JWTSigner
    /// `http://HOST` as the client reached the sandbox: the `iss` of every token and of the metadata.
    let issuer: String

    func accessToken(clientID: String, userID: Int, scope: String?, lifetime: TimeInterval, now: Date) throws(MauticError) -> String {
        let issuedAt = Int(now.timeIntervalSince1970)
        var claims = JSONObject([
            (key: "iss", value: .string(issuer)),
            (key: "sub", value: .string(String(userID))),
            (key: "aud", value: .string(issuer + "/api")),
            (key: "client_id", value: .string(clientID)),
            (key: "iat", value: .number(JSONNumber(issuedAt))),
            (key: "exp", value: .number(JSONNumber(issuedAt + Int(lifetime)))),
            (key: "jti", value: .string(SecureRandom.base64URLToken(bytes: 16))),
        ])
        if let scope { claims["scope"] = .string(scope) }
        return try sign(claims, type: "at+jwt")
    }

    /// OpenID Connect Core §2: who logged in, for which client, until when; `nonce` echoed when the
    /// authorization request carried one.
    func idToken(clientID: String, user: SandboxCredentials.User, nonce: String?, lifetime: TimeInterval, now: Date) throws(MauticError) -> String {
        let issuedAt = Int(now.timeIntervalSince1970)
        var claims = JSONObject([
            (key: "iss", value: .string(issuer)),
            (key: "sub", value: .string(String(user.id))),
            (key: "aud", value: .string(clientID)),
            (key: "exp", value: .number(JSONNumber(issuedAt + Int(lifetime)))),
            (key: "iat", value: .number(JSONNumber(issuedAt))),
        ])
        if let nonce { claims["nonce"] = .string(nonce) }
        claims["preferred_username"] = .string(user.username)
        claims["name"] = .string("\(user.firstName) \(user.lastName)")
        claims["email"] = .string(user.email)
        return try sign(claims, type: "JWT")
    }

    private func sign(_ claims: JSONObject, type: String) throws(MauticError) -> String {
        do { return try signer.sign(claims, type: type) } catch {
            throw MauticError(code: 500, message: "The sandbox could not sign a token: \(error)")
        }
    }

    static func includesOpenID(_ scope: String?) -> Bool {
        scope?.split(separator: " ").contains("openid") == true
    }
}

import Foundation
import HTTPExchange
import JSON

/// `/oauth/v2/token` (GET or POST): authorization_code (PKCE checked when the code carries a challenge),
/// refresh_token (rotated: the old one is deleted) and client_credentials (no refresh token).
struct OAuth2TokenEndpoint {
    let credentials: SandboxCredentials
    let accessTokenLifetime: TimeInterval
    let now: Date

    func respond(to request: SandboxRequest, parameters: RequestParameters, store: inout OAuth2Store) throws(MauticError) -> SandboxResponse {
        let fields = request.method == "GET" ? parameters.query : (parameters.bodyObject ?? JSONObject())
        let value = { (name: String) -> String? in
            fields[name].flatMap(RequestParameters.scalarText).flatMap { $0.isEmpty ? nil : $0 }
        }
        guard let grantType = value("grant_type") else { throw OAuth2Error.missingGrantType }
        let client = try authenticateClient(request, value)
        guard client.grantTypes.contains(grantType) else {
            if ["authorization_code", "refresh_token", "client_credentials"].contains(grantType) {
                throw OAuth2Error.unauthorizedClient
            }
            throw OAuth2Error.unsupportedGrantType
        }
        let userID: Int
        var withRefresh = true
        switch grantType {
        case "authorization_code":
            userID = try redeemCode(client, value, &store)
        case "refresh_token":
            guard let refresh = value("refresh_token") else {
                throw OAuth2Error.make("invalid_request", "No \"refresh_token\" parameter found")
            }
            guard let grant = store.refreshTokens.removeValue(forKey: refresh), grant.clientID == client.clientID else {
                throw OAuth2Error.make("invalid_grant", "Invalid refresh token")
            }
            guard grant.expires > now else { throw OAuth2Error.make("invalid_grant", "Refresh token has expired") }
            userID = grant.userID
        case "client_credentials":
            userID = client.userID
            withRefresh = false
        default:
            throw OAuth2Error.unsupportedGrantType
        }
        let tokens = store.issueTokens(
            clientID: client.clientID, userID: userID, accessLifetime: accessTokenLifetime, withRefresh: withRefresh, now: now)
        var body = JSONObject([
            (key: "access_token", value: .string(tokens.access)),
            (key: "expires_in", value: .number(JSONNumber(Int(accessTokenLifetime)))),
            (key: "token_type", value: .string("bearer")),
            (key: "scope", value: .null),
        ])
        if let refresh = tokens.refresh { body["refresh_token"] = .string(refresh) }
        return .json(.object(body), headers: [("Cache-Control", "no-store"), ("Pragma", "no-cache")])
    }

    /// By HTTP Basic or by `client_id`/`client_secret` parameters, never both.
    private func authenticateClient(_ request: SandboxRequest, _ value: (String) -> String?) throws(MauticError) -> SandboxCredentials.OAuth2Client {
        let basic = BasicCredentials(header: request.header("authorization"))
        if basic != nil, value("client_id") != nil, value("client_secret") != nil {
            throw OAuth2Error.make("invalid_client", "Only one method may be used to authenticate the client at a time.")
        }
        let id = basic.map { FormEncoding.decode($0.username) } ?? value("client_id") ?? ""
        let secret = basic.map { FormEncoding.decode($0.password) } ?? value("client_secret") ?? ""
        guard let client = credentials.oauth2Client(id: id), ConstantTime.equals(client.clientSecret, secret) else {
            throw OAuth2Error.invalidClient
        }
        return client
    }

    private func redeemCode(_ client: SandboxCredentials.OAuth2Client, _ value: (String) -> String?, _ store: inout OAuth2Store) throws(MauticError) -> Int {
        guard let codeValue = value("code") else {
            throw OAuth2Error.make("invalid_request", "Missing parameter. \"code\" is required")
        }
        guard let redirectURI = value("redirect_uri") else {
            throw OAuth2Error.make("invalid_request", "The redirect URI parameter is required.")
        }
        guard let code = store.redeemCode(codeValue), code.clientID == client.clientID else {
            throw OAuth2Error.make("invalid_grant", "Code doesn't exist or is invalid for the client")
        }
        guard RedirectURIMatcher.matches(redirectURI, registered: code.redirectURI) else {
            throw OAuth2Error.make("redirect_uri_mismatch", "The redirect URI is missing or do not match")
        }
        guard code.expires > now else { throw OAuth2Error.make("invalid_grant", "The authorization code has expired") }
        if let challenge = code.challenge {
            guard let verifier = value("code_verifier") else {
                throw OAuth2Error.make("invalid_grant", "The code_verifier is missing.")
            }
            guard challenge.isSatisfied(by: verifier) else {
                throw OAuth2Error.make("invalid_grant", "The code_verifier does not match the code_challenge.")
            }
        }
        return code.userID
    }
}

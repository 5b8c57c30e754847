import Foundation
import HTTPExchange
import JSON

/// `/oauth/v2/token` (GET or POST): authorization_code (PKCE checked when the code carries a challenge),
/// refresh_token (rotated: the old one is deleted), client_credentials (no refresh token) and the device
/// grant (RFC 8628). Access tokens are RS256 JWTs; the `openid` scope adds an ID token.
struct OAuth2TokenEndpoint {
    let credentials: SandboxCredentials
    let accessTokenLifetime: TimeInterval
    let tokens: SandboxTokenIssuer
    let configuration: SandboxConfiguration
    let now: Date

    func respond(to request: SandboxRequest, parameters: RequestParameters, store: inout OAuth2Store) throws(MauticError) -> SandboxResponse {
        let fields = request.method == "GET" ? parameters.query : (parameters.bodyObject ?? JSONObject())
        let value = { (name: String) -> String? in
            fields[name].flatMap(RequestParameters.scalarText).flatMap { $0.isEmpty ? nil : $0 }
        }
        guard let grantType = value("grant_type") else { throw OAuth2Error.missingGrantType }
        let client = try authenticateClient(request, value)
        let clientGrant = grantType == DeviceAuthorizationEndpoint.grantType ? DeviceAuthorizationEndpoint.clientGrantName : grantType
        guard client.grantTypes.contains(clientGrant) else {
            if ["authorization_code", "refresh_token", "client_credentials", DeviceAuthorizationEndpoint.clientGrantName].contains(clientGrant) {
                throw OAuth2Error.unauthorizedClient
            }
            throw OAuth2Error.unsupportedGrantType
        }
        let userID: Int
        var scope: String?
        var nonce: String?
        var withRefresh = true
        switch grantType {
        case "authorization_code":
            let code = try redeemCode(client, value, &store)
            userID = code.userID
            scope = code.scope
            nonce = code.nonce
        case "refresh_token":
            guard let refresh = value("refresh_token") else {
                throw OAuth2Error.make("invalid_request", "No \"refresh_token\" parameter found")
            }
            guard let grant = store.refreshTokens.removeValue(forKey: refresh), grant.clientID == client.clientID else {
                throw OAuth2Error.make("invalid_grant", "Invalid refresh token")
            }
            guard grant.expires > now else { throw OAuth2Error.make("invalid_grant", "Refresh token has expired") }
            userID = grant.userID
            scope = grant.scope
        case "client_credentials":
            userID = client.userID
            scope = value("scope")
            withRefresh = false
        case DeviceAuthorizationEndpoint.grantType:
            let device = DeviceAuthorizationEndpoint(configuration: configuration, now: now)
            switch device.poll(deviceCode: value("device_code"), client: client, store: &store.devices) {
            case .refused(let response): return response
            case .approved(let approvedUser, let approvedScope):
                userID = approvedUser
                scope = approvedScope
            }
        default:
            throw OAuth2Error.unsupportedGrantType
        }
        let access = try tokens.accessToken(clientID: client.clientID, userID: userID, scope: scope, lifetime: accessTokenLifetime, now: now)
        let refresh = store.issueTokens(
            access: access, clientID: client.clientID, userID: userID, scope: scope, accessLifetime: accessTokenLifetime,
            withRefresh: withRefresh, now: now)
        var body = JSONObject([
            (key: "access_token", value: .string(access)),
            (key: "expires_in", value: .number(JSONNumber(Int(accessTokenLifetime)))),
            (key: "token_type", value: .string("bearer")),
            (key: "scope", value: scope.map(JSONValue.string) ?? JSONValue.null),
        ])
        if let refresh { body["refresh_token"] = .string(refresh) }
        if SandboxTokenIssuer.includesOpenID(scope), grantType != "client_credentials", let user = credentials.user(id: userID) {
            body["id_token"] = .string(try tokens.idToken(
                clientID: client.clientID, user: user, nonce: nonce, lifetime: accessTokenLifetime, now: now))
        }
        return .json(.object(body), headers: [("Cache-Control", "no-store"), ("Pragma", "no-cache")])
    }

    /// By HTTP Basic or by `client_id`/`client_secret` parameters, never both.
    func authenticateClient(_ request: SandboxRequest, _ value: (String) -> String?) throws(MauticError) -> SandboxCredentials.OAuth2Client {
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

    private func redeemCode(
        _ client: SandboxCredentials.OAuth2Client, _ value: (String) -> String?, _ store: inout OAuth2Store
    ) throws(MauticError) -> OAuth2Store.AuthorizationCode {
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
        return code
    }
}

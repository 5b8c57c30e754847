import Foundation
import HTTPExchange
import JSON

/// `/oauth/v2/authorize`: GET shows the login and consent page, POST logs in and approves or denies.
/// Scopes are accepted and ignored (Mautic rejects any non-empty scope; accepting keeps generic clients working).
struct OAuth2AuthorizeEndpoint {
    let credentials: SandboxCredentials
    let now: Date

    private struct Validated {
        let client: SandboxCredentials.OAuth2Client
        let redirectURI: String
        let state: String?
        let challenge: CodeChallenge?
    }

    func respond(to request: SandboxRequest, parameters: RequestParameters, store: inout OAuth2Store) throws(MauticError) -> SandboxResponse {
        let fields = request.method == "POST" ? (parameters.bodyObject ?? JSONObject()) : parameters.query
        let value = { (name: String) in fields[name].flatMap(RequestParameters.scalarText) }
        let validated: Validated
        switch try validate(value) {
        case .refused(let redirect): return redirect
        case .valid(let valid): validated = valid
        }
        let hidden: [(String, String)] = ["client_id", "redirect_uri", "response_type", "state", "scope",
                                          "code_challenge", "code_challenge_method", "nonce"]
            .compactMap { name in value(name).map { (name, $0) } }
        let page = ConsentPage(
            title: "Authorize \(validated.client.clientID)", clientDescription: "The OAuth 2 client \(validated.client.clientID)",
            action: "/oauth/v2/authorize", hiddenFields: hidden, error: nil)
        guard request.method == "POST" else { return page.render() }

        if value("deny") != nil || value("approve") == nil {
            return .redirect(to: FormEncoding.appendingQuery(
                [("error", "access_denied"), ("error_description", "The user denied access to your application")]
                    + (validated.state.map { [("state", $0)] } ?? []),
                to: validated.redirectURI))
        }
        let login = BasicCredentials(username: value("username") ?? "", password: value("password") ?? "")
        guard let user = login.authenticate(in: credentials) else {
            var retry = page
            retry.error = "Invalid username or password."
            return retry.render()
        }
        let code = store.issueCode(.init(
            clientID: validated.client.clientID, userID: user.id, redirectURI: validated.redirectURI,
            expires: now.addingTimeInterval(OAuth2Store.codeLifetime),
            challenge: validated.challenge, scope: value("scope").flatMap { $0.isEmpty ? nil : $0 },
            nonce: value("nonce").flatMap { $0.isEmpty ? nil : $0 }))
        return .redirect(to: FormEncoding.appendingQuery(
            (validated.state.map { [("state", $0)] } ?? []) + [("code", code)], to: validated.redirectURI))
    }

    private enum Validation {
        case valid(Validated)
        case refused(SandboxResponse)
    }

    /// Errors before the redirect URI is trusted are shown here; later ones go back to the client by redirect.
    private func validate(_ value: (String) -> String?) throws(MauticError) -> Validation {
        guard let clientID = value("client_id"), !clientID.isEmpty else {
            throw OAuth2Error.make("invalid_client", "No client id supplied")
        }
        guard let client = credentials.oauth2Client(id: clientID) else {
            throw OAuth2Error.make("invalid_client", "Unknown client")
        }
        guard let redirectURI = value("redirect_uri"), !redirectURI.isEmpty else {
            throw OAuth2Error.make("invalid_request", "No redirect URL was supplied or stored.")
        }
        guard RedirectURIMatcher.matchesAny(redirectURI, registered: client.redirectURIs) else {
            throw OAuth2Error.make("redirect_uri_mismatch", "The redirect URI provided does not match registered URI(s).")
        }
        let state = value("state")
        let fail = { (error: String, description: String) -> Validation in
            .refused(.redirect(to: FormEncoding.appendingQuery(
                [("error", error), ("error_description", description)] + (state.map { [("state", $0)] } ?? []),
                to: redirectURI)))
        }
        guard value("response_type") == "code" else {
            return fail("unsupported_response_type", "Invalid response type.")
        }
        guard client.grantTypes.contains("authorization_code") else {
            return fail("unauthorized_client", "The client is not authorized to request an authorization code.")
        }
        var challenge: CodeChallenge?
        if let challengeValue = value("code_challenge"), !challengeValue.isEmpty {
            let method = value("code_challenge_method") ?? "plain"
            guard CodeChallenge.methods.contains(method) else {
                return fail("invalid_request", "Transform algorithm not supported.")
            }
            challenge = CodeChallenge(value: challengeValue, method: method)
        }
        return .valid(Validated(client: client, redirectURI: redirectURI, state: state, challenge: challenge))
    }
}

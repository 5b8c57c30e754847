import HTTPExchange

/// One leg of a login: a request apish sends to the provider, or a trip through the browser. What
/// `auth login --step` pauses on and `auth diagram` draws, each with the RFC section that defines it.
public enum AuthLeg: String, Codable, Sendable, CaseIterable {
    case temporaryCredentials, resourceOwnerAuthorization, callback, tokenCredentials
    case authorizationRequest, authorizationResponse, codeExchange, refresh, clientCredentials, password
    case deviceAuthorization, userCode, devicePoll

    public var title: String {
        switch self {
        case .temporaryCredentials: "request token"
        case .resourceOwnerAuthorization: "authorize in the browser"
        case .callback: "callback"
        case .tokenCredentials: "access token"
        case .authorizationRequest: "authorization request"
        case .authorizationResponse: "redirect"
        case .codeExchange: "code exchange"
        case .refresh: "refresh"
        case .clientCredentials: "client credentials"
        case .password: "password grant"
        case .deviceAuthorization: "device authorization"
        case .userCode: "user code"
        case .devicePoll: "poll"
        }
    }

    public var reference: String {
        switch self {
        case .temporaryCredentials: "RFC 5849 §2.1"
        case .resourceOwnerAuthorization, .callback: "RFC 5849 §2.2"
        case .tokenCredentials: "RFC 5849 §2.3"
        case .authorizationRequest: "RFC 6749 §4.1.1, RFC 7636 §4.2–4.3"
        case .authorizationResponse: "RFC 6749 §4.1.2"
        case .codeExchange: "RFC 6749 §4.1.3, RFC 7636 §4.5"
        case .refresh: "RFC 6749 §6"
        case .clientCredentials: "RFC 6749 §4.4.2"
        case .password: "RFC 6749 §4.3.2"
        case .deviceAuthorization: "RFC 8628 §3.1"
        case .userCode: "RFC 8628 §3.3"
        case .devicePoll: "RFC 8628 §3.4"
        }
    }

    /// What the leg is for, in one sentence.
    public var purpose: String {
        switch self {
        case .temporaryCredentials:
            "apish asks for temporary credentials (a request token), signed with the consumer secret alone and naming the callback."
        case .resourceOwnerAuthorization:
            "The browser opens the provider's authorization page with the temporary token; you sign in and approve."
        case .callback:
            "The provider sends the browser back to the callback with the token and a verifier; apish refuses a token it did not ask for."
        case .tokenCredentials:
            "apish trades the temporary credentials and the verifier for token credentials, signed with the consumer and temporary secrets."
        case .authorizationRequest:
            "The browser opens the authorization endpoint with the client id, a random state and the PKCE challenge; you sign in and approve."
        case .authorizationResponse:
            "The provider redirects the browser back with a code and the state; apish refuses it unless the state is the one it sent."
        case .codeExchange:
            "apish exchanges the code, and the PKCE verifier that only it knows, for tokens at the token endpoint."
        case .refresh:
            "apish trades the refresh token for a new access token, with nobody at the keyboard."
        case .clientCredentials:
            "The client authenticates as itself and receives a token; no person is involved."
        case .password:
            "The user's own name and password are exchanged for a token."
        case .deviceAuthorization:
            "apish asks for a device code to poll with and a user code to show you."
        case .userCode:
            "You open the verification page on any device, enter the user code and approve."
        case .devicePoll:
            "apish asks the token endpoint, with the device code, whether you have approved yet."
        }
    }

    /// Where what this leg brought back is used next. `taken` are the names of the values it brought.
    public func nextUse(taken: [String]) -> String {
        switch self {
        case .temporaryCredentials:
            return "oauth_token goes into the authorize URL (next step); oauth_token_secret signs the access token request."
        case .resourceOwnerAuthorization:
            return "apish waits for the callback."
        case .callback:
            return "oauth_verifier is signed into the access token request (next step)."
        case .tokenCredentials:
            return "oauth_token and oauth_token_secret sign every API request from now on; they are stored for this profile."
        case .authorizationRequest:
            return "apish waits for the redirect that brings the code."
        case .authorizationResponse:
            return "the code is exchanged for tokens in the next step, with the PKCE verifier when PKCE is on."
        case .deviceAuthorization:
            return "user_code and verification_uri are shown to you (next step); device_code goes with every poll."
        case .userCode:
            return "apish polls the token endpoint while you approve."
        case .devicePoll where !taken.contains("access_token"):
            return "apish polls again after the interval."
        case .codeExchange, .refresh, .clientCredentials, .password, .devicePoll:
            var uses = ["access_token goes with every API request"]
            if taken.contains("expires_in") { uses.append("expires_in says when apish renews it") }
            if taken.contains("refresh_token") { uses.append("refresh_token renews it (auth refresh)") }
            if taken.contains("id_token") { uses.append("id_token says who signed in (auth token)") }
            return uses.joined(separator: "; ") + "."
        }
    }

    /// The leg a request of a login flow is, read from what it carries: OAuth 1 protocol parameters,
    /// an OAuth 2 `grant_type`, or a form POST without one (the device authorization request). Nil
    /// for anything else (discovery, key sets).
    public init?(sending request: HTTPRequest) {
        let form = OAuth1RequestSigner.formPairs(of: request)
        var names = (request.headers["Authorization"].flatMap(OAuth1AuthorizationHeader.parse) ?? []).map(\.0)
        names += (RequestURL(request.url)?.queryPairs ?? []).map(\.0) + form.map(\.0)
        if names.contains("oauth_verifier") {
            self = .tokenCredentials
        } else if names.contains("oauth_callback") {
            self = .temporaryCredentials
        } else if let grant = form.first(where: { $0.0 == "grant_type" })?.1 {
            switch grant {
            case "authorization_code": self = .codeExchange
            case "refresh_token": self = .refresh
            case "client_credentials": self = .clientCredentials
            case "password": self = .password
            case DeviceCodeGrant.grantType: self = .devicePoll
            default: return nil
            }
        } else if request.method == "POST", case .form = request.body {
            self = .deviceAuthorization
        } else {
            return nil
        }
    }
}

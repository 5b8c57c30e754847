import HTTPExchange

/// The authorization code grant's first leg (RFC 6749 §4.1.1 with RFC 7636): the URL the browser opens,
/// and the `state` and PKCE verifier that the rest of the flow must check and send.
public struct AuthorizationRequest: Sendable {
    public let url: String
    public let state: String
    public let codeVerifier: String?
    public let codeChallenge: String?
    /// Sent when the scope asks for OpenID Connect (`openid`): the ID token must bring it back
    /// (OpenID Connect Core §3.1.2.1), which `auth token` checks.
    public let nonce: String?

    /// `state`, `codeVerifier` and `nonce` are fresh random values unless given (tests give them).
    public init(settings: OAuth2Settings, state: String? = nil, codeVerifier: String? = nil, nonce: String? = nil) {
        let state = state ?? SecureRandom.base64URLToken(bytes: 16)
        self.state = state
        let asksOpenID = settings.scope?.split(separator: " ").contains("openid") ?? false
        self.nonce = asksOpenID ? (nonce ?? SecureRandom.base64URLToken(bytes: 16)) : nil
        self.codeVerifier = settings.pkce ? (codeVerifier ?? PKCE.makeVerifier()) : nil
        self.codeChallenge = self.codeVerifier.map(PKCE.challenge(for:))
        var parameters: [(String, String)] = [
            ("response_type", "code"), ("client_id", settings.clientID),
        ]
        if let redirect = settings.redirectURI { parameters.append(("redirect_uri", redirect)) }
        if let scope = settings.scope { parameters.append(("scope", scope)) }
        parameters.append(("state", state))
        if let nonce = self.nonce { parameters.append(("nonce", nonce)) }
        if let codeChallenge {
            parameters += [("code_challenge", codeChallenge), ("code_challenge_method", "S256")]
        }
        // Encoded strictly so that the redirect URI and scope survive any provider's parser.
        let query = parameters.map { OAuthPercentEncoding.encode($0.0) + "=" + OAuthPercentEncoding.encode($0.1) }
            .joined(separator: "&")
        let base = settings.authorizeURL ?? ""
        url = base + (base.contains("?") ? "&" : "?") + query
    }
}

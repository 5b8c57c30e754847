public struct OAuth2Settings: Sendable, Equatable {
    public enum Grant: String, Sendable, Equatable, CaseIterable {
        case authorizationCode = "authorization_code"
        case clientCredentials = "client_credentials"
        case password
        /// RFC 8628: the person approves on another device by entering a user code.
        case deviceCode = "device_code"

        /// Whether a person has to take part (a browser, a user code): such grants never run on their own
        /// before a request, only through `auth login`.
        public var needsPerson: Bool { self == .authorizationCode || self == .deviceCode }
    }

    /// How the client proves its identity at the token endpoint (RFC 6749 §2.3.1).
    public enum ClientAuthentication: String, Sendable, Equatable {
        case basic
        case body
    }

    public var grant: Grant
    /// The provider's issuer identifier: endpoints not set here are read from its metadata (RFC 8414).
    public var issuer: String?
    /// Nil only with `issuer`, until discovery fills it.
    public var tokenURL: String?
    public var authorizeURL: String?
    /// RFC 8628 §3.1's device authorization endpoint (the device grant).
    public var deviceAuthorizationURL: String?
    /// Where the provider publishes its signing keys, to verify JWT access and ID tokens.
    public var jwksURL: String?
    public var clientID: String
    public var clientSecret: String?
    public var clientAuthentication: ClientAuthentication
    public var redirectURI: String?
    public var scope: String?
    public var pkce: Bool
    public var tokenPlacement: TokenPlacement
    public var username: String?
    public var password: String?
    public var redirectTimeout: Int
    /// False when the browser runs on another machine than apish: the person pastes the redirect URL.
    public var redirectListener: Bool

    init(_ reader: SettingsReader) throws(AuthConfigurationError) {
        grant = try reader.choice("grant", default: .authorizationCode, Grant.init(rawValue:),
                                  expected: Grant.allCases.map(\.rawValue).joined(separator: ", "))
        issuer = try reader.optionalURL("issuer")
        tokenURL = issuer == nil
            ? try reader.url("token_url", "every grant exchanges credentials for a token there")
            : try reader.optionalURL("token_url")
        deviceAuthorizationURL = try reader.optionalURL("device_authorization_url")
        jwksURL = try reader.optionalURL("jwks_url")
        clientID = try reader.required("client_id", "the client identifier the provider issued")
        clientSecret = reader.optional("client_secret")
        clientAuthentication = try reader.choice("client_auth", default: .basic, ClientAuthentication.init(rawValue:),
                                                 expected: "basic or body")
        scope = reader.optional("scope")
        pkce = try reader.bool("pkce", default: true)
        tokenPlacement = try reader.choice("token_placement", default: .header, TokenPlacement.init(rawValue:),
                                           expected: "header or query")
        username = reader.optional("username")
        password = reader.settings["password"]
        redirectListener = try reader.bool("redirect_listener", default: true)
        redirectTimeout = try reader.choice("timeout", default: 300, { Int($0).flatMap { $0 > 0 ? $0 : nil } },
                                            expected: "a number of seconds")
        switch grant {
        case .authorizationCode:
            authorizeURL = issuer == nil
                ? try reader.url("authorize_url", "the authorization code grant opens it in a browser")
                : try reader.optionalURL("authorize_url")
            redirectURI = try reader.url("redirect_uri", "the provider sends the browser back there with the code")
        case .clientCredentials, .deviceCode:
            authorizeURL = try reader.optionalURL("authorize_url")
            redirectURI = reader.optional("redirect_uri")
        case .password:
            authorizeURL = try reader.optionalURL("authorize_url")
            redirectURI = reader.optional("redirect_uri")
            if username == nil {
                throw .missing(profile: reader.profile, key: "username", why: "the password grant sends it")
            }
        }
        if grant == .deviceCode && issuer == nil && deviceAuthorizationURL == nil {
            throw .missing(profile: reader.profile, key: "device_authorization_url",
                           why: "the device grant asks it for a user code (or set issuer to discover it)")
        }
    }

    /// The settings with every endpoint left unset taken from the provider's metadata.
    func filling(from metadata: AuthorizationServerMetadata) -> OAuth2Settings {
        var filled = self
        filled.tokenURL = tokenURL ?? metadata.tokenEndpoint
        filled.authorizeURL = authorizeURL ?? metadata.authorizationEndpoint
        filled.deviceAuthorizationURL = deviceAuthorizationURL ?? metadata.deviceAuthorizationEndpoint
        filled.jwksURL = jwksURL ?? metadata.jwksURI
        return filled
    }
}

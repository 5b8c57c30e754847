public struct OAuth1Settings: Sendable, Equatable {
    public var consumerKey: String
    public var consumerSecret: String
    public var signatureMethod: OAuth1SignatureMethod
    public var placement: OAuth1Placement
    public var normalization: OAuth1Normalization
    public var realm: String?
    /// The three-legged login's endpoints; nil when the profile only signs (two-legged, or a token
    /// configured directly).
    public var endpoints: Endpoints?
    /// `oob` unless a callback URL is configured.
    public var callback: String
    /// An access token obtained elsewhere, used until a login stores another.
    public var token: OAuth1Token?
    public var privateKeyPEM: String?
    public var privateKeyFile: String?
    public var redirectTimeout: Int
    /// False when the browser runs on another machine than apish: the person pastes the redirect URL.
    public var redirectListener: Bool

    public struct Endpoints: Sendable, Equatable {
        public var requestTokenURL: String
        public var authorizeURL: String
        public var accessTokenURL: String
    }

    init(_ reader: SettingsReader) throws(AuthConfigurationError) {
        consumerKey = try reader.required("consumer_key", "the client identifier the provider issued")
        signatureMethod = try reader.choice(
            "signature_method", default: .hmacSHA1, OAuth1SignatureMethod.init(name:),
            expected: OAuth1SignatureMethod.allCases.map(\.rawValue).joined(separator: ", "))
        consumerSecret = reader.settings["consumer_secret"] ?? ""
        if consumerSecret.isEmpty && !signatureMethod.usesRSA {
            throw .missing(profile: reader.profile, key: "consumer_secret", why: "\(signatureMethod.rawValue) signs with it")
        }
        placement = try reader.choice("placement", default: .header, OAuth1Placement.init(rawValue:),
                                      expected: "header, query or body")
        normalization = try reader.choice("normalization", default: .rfc5849, OAuth1Normalization.init(rawValue:),
                                          expected: "rfc5849 or mautic-legacy")
        realm = reader.optional("realm")
        let urls = (try reader.optionalURL("request_token_url"), try reader.optionalURL("authorize_url"),
                    try reader.optionalURL("access_token_url"))
        switch urls {
        case let (request?, authorize?, access?):
            endpoints = Endpoints(requestTokenURL: request, authorizeURL: authorize, accessTokenURL: access)
        case (nil, nil, nil):
            endpoints = nil
        default:
            throw .missing(profile: reader.profile, key: "request_token_url, authorize_url and access_token_url",
                           why: "the three-legged login needs all three")
        }
        callback = reader.optional("callback") ?? "oob"
        if let token = reader.optional("token") {
            self.token = OAuth1Token(token: token, secret: reader.settings["token_secret"] ?? "")
        } else {
            token = nil
        }
        privateKeyPEM = reader.optional("private_key")
        privateKeyFile = reader.optional("private_key_file")
        if signatureMethod.usesRSA && privateKeyPEM == nil && privateKeyFile == nil {
            throw .missing(profile: reader.profile, key: "private_key_file", why: "\(signatureMethod.rawValue) signs with an RSA key")
        }
        redirectListener = try reader.bool("redirect_listener", default: true)
        redirectTimeout = try reader.choice("timeout", default: 300, { Int($0).flatMap { $0 > 0 ? $0 : nil } },
                                            expected: "a number of seconds")
    }
}

/// Where the `oauth_*` protocol parameters go (RFC 5849 §3.5). With `body`, a GET or HEAD request
/// carries them in its query instead, since it has no body.
public enum OAuth1Placement: String, Sendable, Equatable {
    case header
    case query
    case body
}

/// Token credentials (or temporary credentials during the login).
public struct OAuth1Token: Sendable, Equatable, Codable {
    public var token: String
    public var secret: String

    public init(token: String, secret: String) {
        self.token = token
        self.secret = secret
    }
}

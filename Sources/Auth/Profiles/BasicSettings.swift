public struct BasicSettings: Sendable, Equatable {
    public var username: String
    /// Nil when the password is asked for at `auth login` and kept in the secret store.
    public var password: String?
    /// Set to silence the warning about credentials over plain http to a non-loopback host.
    public var allowInsecure: Bool

    public init(username: String, password: String? = nil, allowInsecure: Bool = false) {
        self.username = username
        self.password = password
        self.allowInsecure = allowInsecure
    }

    init(_ reader: SettingsReader) throws(AuthConfigurationError) {
        self.init(
            username: try reader.required("username", "the user name sent in the Basic header"),
            password: reader.settings["password"], allowInsecure: try reader.bool("allow_insecure", default: false))
    }
}

public struct BearerSettings: Sendable, Equatable {
    /// Nil when the token is asked for at `auth login` and kept in the secret store.
    public var token: String?
    public var placement: TokenPlacement

    public init(token: String?, placement: TokenPlacement = .header) {
        self.token = token
        self.placement = placement
    }

    init(_ reader: SettingsReader) throws(AuthConfigurationError) {
        self.init(
            token: reader.optional("token"),
            placement: try reader.choice("token_placement", default: .header, TokenPlacement.init(rawValue:),
                                         expected: "header or query"))
    }
}

/// Where a bearer token travels (RFC 6750 §2.1 header or §2.3 query parameter).
public enum TokenPlacement: String, Sendable, Equatable {
    case header
    case query
}

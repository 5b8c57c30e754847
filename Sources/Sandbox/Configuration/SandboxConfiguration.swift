/// How to run a sandbox server.
public struct SandboxConfiguration: Sendable {
    /// How OAuth 1.0a signatures are checked: by RFC 5849, or by the normalisation of Mautic ≤ 3
    /// (empty values skipped, bracketed names flattened to their top-level key).
    public enum OAuth1Signing: String, Sendable, CaseIterable {
        case rfc5849
        case mauticLegacy = "mautic-legacy"
    }

    public var host: String
    /// 0 picks a free port; `SandboxServer.start()` returns the one bound.
    public var port: Int
    /// Lifetime of OAuth 2 access tokens, in seconds.
    public var tokenTTL: Int
    public var oauth1Signing: OAuth1Signing
    /// A JSON file of credentials (`SandboxCredentials`' shape) replacing the demo ones.
    public var credentialsFile: String?
    /// A JSON file the contacts are loaded from at start (when it exists) and saved to on every change.
    public var dataFile: String?
    /// Seconds a device-grant client waits between polls (RFC 8628 `interval`).
    public var deviceInterval: Int
    /// Seconds a device code and its user code stay valid (RFC 8628 `expires_in`).
    public var deviceCodeTTL: Int

    public init(
        host: String = "127.0.0.1",
        port: Int = 0,
        tokenTTL: Int = 3600,
        oauth1Signing: OAuth1Signing = .rfc5849,
        credentialsFile: String? = nil,
        dataFile: String? = nil,
        deviceInterval: Int = 5,
        deviceCodeTTL: Int = 600
    ) {
        self.host = host
        self.port = port
        self.tokenTTL = tokenTTL
        self.oauth1Signing = oauth1Signing
        self.credentialsFile = credentialsFile
        self.dataFile = dataFile
        self.deviceInterval = deviceInterval
        self.deviceCodeTTL = deviceCodeTTL
    }
}

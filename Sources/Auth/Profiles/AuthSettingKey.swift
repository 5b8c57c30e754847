/// Every setting an `[auth NAME]` section may hold: the single place where they are documented, used by
/// parsing (unknown keys are errors), `help`, completion and `auth explain`.
public struct AuthSettingKey: Sendable, Equatable {
    public let name: String
    /// The profile types the key applies to.
    public let types: [String]
    public let summary: String
    /// Whether the value is a secret: never printed unmasked, best kept in the secret store.
    public let isSecret: Bool

    public static let all: [AuthSettingKey] = [
        .init("type", ["basic", "bearer", "oauth1", "oauth2", "none"], "basic | bearer | oauth1 | oauth2 | none"),
        // Basic (and the OAuth 2 password grant).
        .init("username", ["basic", "oauth2"], "user name (Basic; OAuth 2 password grant)"),
        .init("password", ["basic", "oauth2"], "password; when absent `auth login` asks without echo", secret: true),
        .init("allow_insecure", ["basic"], "true: no warning before sending Basic credentials over plain http"),
        // Bearer.
        .init("token", ["bearer", "oauth1"], "bearer token; OAuth 1: an access token obtained elsewhere", secret: true),
        // OAuth 1.0a.
        .init("consumer_key", ["oauth1"], "client identifier"),
        .init("consumer_secret", ["oauth1"], "client shared secret (not used by RSA methods)", secret: true),
        .init("token_secret", ["oauth1"], "secret of `token` when an access token is configured", secret: true),
        .init("signature_method", ["oauth1"], "HMAC-SHA1 (default) | HMAC-SHA256 | HMAC-SHA512 | RSA-SHA1 | RSA-SHA256 | PLAINTEXT"),
        .init("placement", ["oauth1"], "where protocol parameters go: header (default) | query | body (GET and HEAD: query)"),
        .init("normalization", ["oauth1"], "rfc5849 (default) | mautic-legacy (Mautic ≤3)"),
        .init("realm", ["oauth1"], "realm sent in the Authorization header"),
        .init("request_token_url", ["oauth1"], "temporary credentials endpoint (three-legged login)"),
        .init("authorize_url", ["oauth1", "oauth2"], "where the person authorizes in a browser"),
        .init("access_token_url", ["oauth1"], "token credentials endpoint"),
        .init("callback", ["oauth1"], "oauth_callback: a loopback http URL caught by apish, another URL to paste from, or oob (default)"),
        .init("private_key", ["oauth1"], "RSA private key, PEM text (RSA methods)", secret: true),
        .init("private_key_file", ["oauth1"], "path of the RSA private key PEM file (RSA methods)"),
        // OAuth 2.
        .init("grant", ["oauth2"], "authorization_code (default) | client_credentials | password | device_code"),
        .init("issuer", ["oauth2"], "the provider's issuer URL: endpoints not set are discovered from its metadata (OpenID Connect / RFC 8414)"),
        .init("token_url", ["oauth2"], "token endpoint"),
        .init("device_authorization_url", ["oauth2"], "device authorization endpoint (grant = device_code, RFC 8628)"),
        .init("jwks_url", ["oauth2"], "the provider's JWK Set, to verify JWT tokens (`auth token`); discovered with issuer"),
        .init("client_id", ["oauth2"], "client identifier"),
        .init("client_secret", ["oauth2"], "client secret (absent for public clients)", secret: true),
        .init("client_auth", ["oauth2"], "basic (default): HTTP Basic header | body: client_id/client_secret in the form"),
        .init("redirect_uri", ["oauth2"], "a loopback http URI is caught by a one-shot listener on its port; others are pasted"),
        .init("scope", ["oauth2"], "space-separated scopes to request"),
        .init("pkce", ["oauth2"], "true (default): PKCE S256 | false, for providers such as Mautic that ignore it"),
        .init("token_placement", ["bearer", "oauth2"], "header (default): Authorization: Bearer | query: access_token parameter"),
        .init("redirect_listener", ["oauth1", "oauth2"], "true (default): catch a loopback redirect with a one-shot listener | false: paste the URL the browser lands on (e.g. over ssh)"),
        .init("timeout", ["oauth1", "oauth2"], "seconds to wait for the browser's redirect (default 300)"),
    ]

    public static func named(_ name: String) -> AuthSettingKey? {
        all.first { $0.name == name }
    }

    init(_ name: String, _ types: [String], _ summary: String, secret: Bool = false) {
        self.name = name
        self.types = types
        self.summary = summary
        self.isSecret = secret
    }
}

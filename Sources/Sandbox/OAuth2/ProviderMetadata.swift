import JSON

/// What the sandbox publishes about itself: OpenID Connect Discovery and RFC 8414 metadata (the same
/// document at both well-known addresses) and the JWK Set its tokens verify with.
enum ProviderMetadata {
    static let openIDConfigurationPath = "/.well-known/openid-configuration"
    static let authorizationServerPath = "/.well-known/oauth-authorization-server"
    static let keySetPath = "/oauth/v2/jwks"
    static let deviceAuthorizationPath = "/oauth/v2/device_authorization"

    static func document(issuer: String) -> JSONValue {
        let strings = { (values: [String]) in JSONValue.array(values.map { .string($0) }) }
        return .object(JSONObject([
            (key: "issuer", value: .string(issuer)),
            (key: "authorization_endpoint", value: .string(issuer + "/oauth/v2/authorize")),
            (key: "token_endpoint", value: .string(issuer + "/oauth/v2/token")),
            (key: "device_authorization_endpoint", value: .string(issuer + deviceAuthorizationPath)),
            (key: "jwks_uri", value: .string(issuer + keySetPath)),
            (key: "response_types_supported", value: strings(["code"])),
            (key: "grant_types_supported", value: strings([
                "authorization_code", "refresh_token", "client_credentials", DeviceAuthorizationEndpoint.grantType,
            ])),
            (key: "code_challenge_methods_supported", value: strings(["S256", "plain"])),
            (key: "token_endpoint_auth_methods_supported", value: strings(["client_secret_basic", "client_secret_post"])),
            (key: "scopes_supported", value: strings(["openid"])),
            (key: "subject_types_supported", value: strings(["public"])),
            (key: "id_token_signing_alg_values_supported", value: strings(["RS256"])),
        ]))
    }
}

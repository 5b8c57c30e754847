/// The names under which credentials travel, wherever a request or response carries them: the one
/// list that masking, saving and the history file consult.
public enum CredentialNames {
    /// `Authorization`, `Proxy-Authorization`, `Cookie`, and names ending in `-Key`, `-Token` or
    /// `-Secret` (`X-Api-Key`, `X-Auth-Token`).
    public static func isCredentialHeader(_ name: some StringProtocol) -> Bool {
        let lower = name.lowercased()
        return ["authorization", "proxy-authorization", "cookie"].contains(lower)
            || lower.hasSuffix("-key") || lower.hasSuffix("-token") || lower.hasSuffix("-secret")
    }

    /// Query, form and JSON member names that hold a credential: OAuth 2 tokens and client secrets,
    /// OAuth 1 signatures and tokens, passwords, API keys.
    public static func isCredentialParameter(_ name: some StringProtocol) -> Bool {
        let lower = name.lowercased()
        return parameters.contains(lower) || isCredentialHeader(lower)
    }

    private static let parameters: Set<String> = [
        "access_token", "refresh_token", "id_token", "client_secret", "password", "passwd", "secret",
        "token", "api_key", "apikey", "oauth_signature", "oauth_token", "oauth_token_secret",
        "oauth_verifier", "code_verifier", "device_code", "consumer_secret", "token_secret", "private_key",
    ]
}

import Auth
import HTTPExchange

/// The PKCE challenge an authorization code was issued with (RFC 7636): S256 or plain.
struct CodeChallenge: Sendable {
    static let methods: Set<String> = ["S256", "plain"]

    let value: String
    let method: String

    func isSatisfied(by verifier: String) -> Bool {
        switch method {
        case "S256": return PKCE.verify(verifier: verifier, challenge: value)
        case "plain": return PKCE.isValidVerifier(verifier) && ConstantTime.equals(verifier, value)
        default: return false
        }
    }
}

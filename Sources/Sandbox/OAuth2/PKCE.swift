import Crypto
import Foundation

/// RFC 7636 checks for a code exchange whose authorization carried a `code_challenge`.
enum PKCE {
    static let methods: Set<String> = ["S256", "plain"]

    static func verify(verifier: String, challenge: String, method: String) -> Bool {
        switch method {
        case "plain": return ConstantTime.equals(verifier, challenge)
        case "S256": return ConstantTime.equals(s256(verifier), challenge)
        default: return false
        }
    }

    static func s256(_ verifier: String) -> String {
        let digest = SHA256.hash(data: Array(verifier.utf8))
        return Data(digest).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}

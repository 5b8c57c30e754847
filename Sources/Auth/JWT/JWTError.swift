/// Why a text is not a readable JSON Web Token, or why its keys cannot be used. No case carries the token.
public enum JWTError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Not three dot-separated parts (RFC 7515 §7.1); five parts are an encrypted token (RFC 7516).
    case notCompact(parts: Int)
    /// A part that is not base64url (which part: header, claims, signature).
    case notBase64URL(part: String)
    /// A header or claims part that is not a JSON object.
    case notJSONObject(part: String, detail: String)
    /// The header has no `alg`.
    case missingAlgorithm
    /// A JWKS document that is not `{"keys": [...]}`.
    case invalidKeySet(String)

    public var description: String {
        switch self {
        case .notCompact(let parts) where parts == 5:
            "this is an encrypted token (JWE, five parts): its claims cannot be read without the recipient's key"
        case .notCompact(let parts):
            "not a JWT: a JWT has three parts separated by dots (header.claims.signature), this text has \(parts)"
        case .notBase64URL(let part): "not a JWT: its \(part) is not base64url"
        case .notJSONObject(let part, let detail): "not a JWT: its \(part) is not a JSON object (\(detail))"
        case .missingAlgorithm: "not a JWT: its header has no \"alg\""
        case .invalidKeySet(let detail): "not a JWKS document: \(detail)"
        }
    }
}

public enum OAuth1SignatureError: Error, Sendable, Equatable, CustomStringConvertible {
    /// An RSA method was chosen without a private (or, to verify, public) key.
    case missingRSAKey(OAuth1SignatureMethod)
    /// The PEM text could not be read as an RSA key; `reason` is the crypto library's explanation.
    case invalidRSAKey(reason: String)
    /// `placement = body` on a request whose body is not a form (JSON, multipart, raw bytes).
    case placementNeedsFormBody

    public var description: String {
        switch self {
        case .missingRSAKey(let method):
            "\(method.rawValue) needs an RSA key in PEM form (setting private_key_file)"
        case .invalidRSAKey(let reason):
            "the RSA key is not a usable PEM key: \(reason)"
        case .placementNeedsFormBody:
            "placement = body puts the OAuth parameters in a form body, but this request's body is not a form; use placement = header"
        }
    }
}

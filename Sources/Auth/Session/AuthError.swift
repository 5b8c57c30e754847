/// Why an auth step failed, worded for the person who has to fix it. No case carries a secret.
public enum AuthError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The provider answered a token or authorization request with an error.
    case provider(ProviderError)
    /// The authorization response's `state` is not the one apish sent: a forged or stale redirect.
    case stateMismatch
    /// The OAuth 1 callback names a different request token from the one apish obtained.
    case tokenMismatch
    /// The person declined at the provider, which redirected back with an error.
    case denied(String)
    /// The redirect listener cannot bind its port.
    case listenerPortBusy(port: Int)
    case listenerFailed(String)
    /// No redirect arrived in time.
    case timedOut(seconds: Int)
    /// The device grant's code expired before the person approved (RFC 8628 `expired_token`, or `expires_in` elapsed).
    case deviceCodeExpired(seconds: Int)
    /// The person gave no answer (end of input) or an unusable one.
    case cancelled(String)
    /// A response apish cannot read as the protocol says it should look.
    case unexpectedResponse(String)
    /// The flow cannot run with this profile (e.g. a login for Basic, a refresh without a refresh token).
    case notApplicable(String)
    /// The profile needs a login (or a new one: the token expired and cannot be refreshed).
    case notLoggedIn(profile: String, reason: String)
    case signing(OAuth1SignatureError)
    case storage(String)

    public var description: String {
        switch self {
        case .provider(let error): error.description
        case .stateMismatch:
            "the redirect's state does not match the one apish sent; the response was ignored and no token stored"
        case .tokenMismatch:
            "the callback's oauth_token does not match the request token apish obtained; no token stored"
        case .denied(let detail): "authorization was denied: \(detail)"
        case .listenerPortBusy(let port):
            "cannot listen on 127.0.0.1:\(port) for the redirect: address already in use; free the port, or choose another redirect_uri port that the provider accepts"
        case .listenerFailed(let detail): "the redirect listener failed: \(detail)"
        case .timedOut(let seconds): "no redirect arrived within \(seconds) s; run the login again"
        case .deviceCodeExpired(let seconds):
            "the user code expired before it was approved (it was valid for \(seconds) s); run the login again for a new one"
        case .cancelled(let detail): "login cancelled: \(detail)"
        case .unexpectedResponse(let detail): detail
        case .notApplicable(let detail): detail
        case .notLoggedIn(let profile, let reason): "auth profile '\(profile)': \(reason); run `auth login`"
        case .signing(let error): error.description
        case .storage(let detail): "cannot store credentials: \(detail)"
        }
    }
}

/// OAuth 2 errors in Mautic's envelope: `error_description` becomes `message`, `error` becomes `type`.
enum OAuth2Error {
    static func make(_ type: String, _ message: String, code: Int = 400) -> MauticError {
        var error = MauticError(code: code, message: message, type: type)
        error.extraHeaders = [("Cache-Control", "no-store")]
        return error
    }

    static let invalidClient = make("invalid_client", "The client credentials are invalid")
    static let unauthorizedClient = make("unauthorized_client", "The grant type is unauthorized for this client_id")
    static let missingGrantType = make("invalid_request", "Invalid grant_type parameter or parameter missing")
    static let unsupportedGrantType = make("unsupported_grant_type", "Invalid grant_type parameter or parameter missing")
    static let multipleTokens = make(
        "invalid_request", "Only one method may be used to authenticate at a time (Auth header, GET or POST).")

    static func bearer(_ message: String) -> MauticError {
        var error = MauticError(code: 401, message: message, type: "invalid_grant")
        error.extraHeaders = [("WWW-Authenticate", "Bearer realm=\"Service\", error=\"invalid_grant\", error_description=\"\(message)\"")]
        return error
    }

    static let invalidAccessToken = bearer("The access token provided is invalid.")
    static let expiredAccessToken = bearer("The access token provided has expired.")
}

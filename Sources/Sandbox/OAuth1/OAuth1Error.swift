/// OAuth 1.0a problems in Mautic's envelope, typed with the keys of Mautic's OAuth server bundle.
enum OAuth1Error {
    static func parameterAbsent(_ name: String) -> MauticError {
        MauticError(code: 400, message: "The \(name) parameter is missing.", type: "parameter_absent")
    }

    static func signatureMethodRejected(_ method: String) -> MauticError {
        MauticError(code: 400, message: "The signature method \(method) is not supported.", type: "signature_method_rejected")
    }

    static let versionRejected = MauticError(code: 400, message: "oauth_version must be 1.0.", type: "version_rejected")
    static let consumerKeyUnknown = MauticError(code: 401, message: "The consumer key is unknown.", type: "consumer_key_unknown")
    static let timestampRefused = MauticError(
        code: 400, message: "The timestamp is more than 600 seconds away from the server's clock.", type: "timestamp_refused")
    static let tokenRejected = MauticError(code: 401, message: "The token is unknown, expired or not authorized.", type: "token_rejected")
    static let verifierInvalid = MauticError(code: 401, message: "The verifier does not match the token.", type: "verifier_invalid")
    static let signatureInvalid = MauticError(code: 401, message: "The signature is invalid.", type: "signature_invalid")
    static let nonceUsed = MauticError(code: 400, message: "The nonce was already used.", type: "nonce_used")
    static let callbackInvalid = MauticError(code: 400, message: "Callback is not valid.", type: "callback_invalid")
}

import Auth
import Foundation

/// Checks the parts of an OAuth 1.0a request every step shares: required parameters, version,
/// signature method, consumer, timestamp window, then the signature itself.
struct OAuth1Verifier {
    static let supportedMethods: Set<OAuth1SignatureMethod> = [.hmacSHA1, .hmacSHA256, .hmacSHA512, .plaintext]

    let credentials: SandboxCredentials
    let normalization: OAuth1Normalization
    let now: Date

    struct Checked {
        let consumer: SandboxCredentials.OAuth1Consumer
        let method: OAuth1SignatureMethod
        let parameters: OAuth1Parameters

        func value(_ name: String) -> String? { parameters.oauth[name] }
    }

    /// PLAINTEXT requests may leave out `oauth_timestamp` and `oauth_nonce` (RFC 5849 §3.1): they rely on
    /// TLS, not on the signature, against replay. When sent, they are checked as for the other methods.
    func check(_ request: SandboxRequest, _ parameters: OAuth1Parameters, requiring extra: [String] = []) throws(MauticError) -> Checked {
        let isPlaintext = parameters.oauth["oauth_signature_method"] == OAuth1SignatureMethod.plaintext.rawValue
        let replayParameters = isPlaintext ? [] : ["oauth_timestamp", "oauth_nonce"]
        for name in ["oauth_consumer_key", "oauth_signature_method", "oauth_signature"] + replayParameters + extra {
            if (parameters.oauth[name] ?? "").isEmpty, !(name == "oauth_signature" && parameters.oauth[name] != nil) {
                throw OAuth1Error.parameterAbsent(name)
            }
        }
        if let version = parameters.oauth["oauth_version"], version != "1.0" { throw OAuth1Error.versionRejected }
        let methodName = parameters.oauth["oauth_signature_method"]!
        guard let method = OAuth1SignatureMethod(rawValue: methodName), Self.supportedMethods.contains(method) else {
            throw OAuth1Error.signatureMethodRejected(methodName)
        }
        guard let consumer = credentials.oauth1Consumer(key: parameters.oauth["oauth_consumer_key"]!) else {
            throw OAuth1Error.consumerKeyUnknown
        }
        if let timestampText = parameters.oauth["oauth_timestamp"] {
            guard let timestamp = TimeInterval(timestampText),
                  abs(timestamp - now.timeIntervalSince1970) <= OAuth1Store.timestampWindow else {
                throw OAuth1Error.timestampRefused
            }
        }
        return Checked(consumer: consumer, method: method, parameters: parameters)
    }

    func verifySignature(_ request: SandboxRequest, _ checked: Checked, tokenSecret: String) throws(MauticError) {
        let baseString = OAuth1Signature.baseString(
            method: request.method, url: request.baseURL, parameters: checked.parameters.signedPairs, normalization: normalization)
        let valid: Bool
        do {
            valid = try OAuth1Signature.verify(
                signature: checked.value("oauth_signature") ?? "", baseString: baseString, method: checked.method,
                consumerSecret: checked.consumer.consumerSecret, tokenSecret: tokenSecret)
        } catch {
            throw OAuth1Error.signatureInvalid
        }
        guard valid else { throw OAuth1Error.signatureInvalid }
    }
}

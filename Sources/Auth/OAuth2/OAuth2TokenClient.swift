import Foundation
import HTTPExchange
import JSON

/// Talks to the token endpoint (RFC 6749 §3.2): every grant is a form POST there, with the client
/// authenticated by a Basic header or in the body, answered by a JSON token or an error.
struct OAuth2TokenClient: Sendable {
    let settings: OAuth2Settings
    let sender: any HTTPSending
    let narrate: TraceNarrator

    func requestToken(_ grantParameters: [(String, String)], step: String) async throws -> OAuth2Token {
        guard let tokenURL = settings.tokenURL else {
            throw AuthError.notApplicable("no token endpoint: set token_url, or issuer to discover it")
        }
        let response = try await post(grantParameters, to: tokenURL)
        let token = try Self.parse(response, step: step)
        narrate.adding([token.accessToken, token.refreshToken, token.idToken].compactMap { $0 })(
            "  ← HTTP \(response.status): " + (response.text ?? "\(response.body.count) bytes"), maxLength: 620)
        return token
    }

    /// A form POST to one of the provider's endpoints with the client authenticated as `client_auth`
    /// says (RFC 6749 §2.3.1): the token endpoint, or the device authorization endpoint (RFC 8628 §3.1).
    func post(_ parameters: [(String, String)], to url: String) async throws -> HTTPResponse {
        var fields = parameters
        var headers: HTTPHeaders = ["Accept": "application/json"]
        switch (settings.clientAuthentication, settings.clientSecret) {
        case (.basic, let secret?):
            // RFC 6749 §2.3.1: form-encode both parts before joining them with a colon.
            headers.set("Authorization", BasicCredentials.headerValue(
                username: PercentEncoding.encodeFormComponent(settings.clientID),
                password: PercentEncoding.encodeFormComponent(secret)))
        case (.body, let secret?):
            fields += [("client_id", settings.clientID), ("client_secret", secret)]
        case (_, nil):
            fields.append(("client_id", settings.clientID))
        }
        let request = HTTPRequest(
            method: "POST", url: url, headers: headers,
            body: .form(fields.map { FormField(name: $0.0, value: $0.1) }))
        narrate("  POST \(url)")
        if headers.contains("Authorization") {
            narrate("    Authorization: Basic base64(client_id:client_secret)   (client_auth = basic)")
        }
        narrate("    form: " + fields.map { "\($0.0)=\($0.1)" }.joined(separator: "&"))
        return try await sender.send(request, options: SendOptions(followRedirects: false))
    }

    /// Reads a successful token response; anything else becomes the provider's error.
    static func parse(_ response: HTTPResponse, step: String, now: Date = Date()) throws -> OAuth2Token {
        guard (200..<300).contains(response.status) else {
            throw AuthError.provider(ProviderError(response: response, step: step))
        }
        let fields: [String: String]
        if let json = try? response.json(), let object = json.objectValue {
            if object["error"] != nil { throw AuthError.provider(ProviderError(response: response, step: step)) }
            var values: [String: String] = [:]
            for (key, value) in object.uniqueMembers {
                switch value {
                case .string(let text): values[key] = text
                case .number(let number): values[key] = number.literal
                case .array(let items): values[key] = items.compactMap(\.stringValue).joined(separator: " ")
                default: break
                }
            }
            fields = values
        } else if let text = response.text, text.contains("access_token=") {
            // Some providers (GitHub without an Accept header, old Facebook) answer in form encoding.
            fields = Dictionary(PercentEncoding.decodePairs(text), uniquingKeysWith: { first, _ in first })
        } else {
            throw AuthError.unexpectedResponse(
                "the \(step) answered HTTP \(response.status) without an access_token (\(response.mediaType ?? "no content type"))")
        }
        guard let accessToken = fields["access_token"], !accessToken.isEmpty else {
            throw AuthError.unexpectedResponse("the \(step) answered without an access_token")
        }
        let expiresIn = fields["expires_in"].flatMap(Double.init)
        return OAuth2Token(
            accessToken: accessToken, tokenType: fields["token_type"] ?? "bearer",
            refreshToken: fields["refresh_token"].flatMap { $0.isEmpty ? nil : $0 },
            expiresAt: expiresIn.map { now.addingTimeInterval($0) }, issuedAt: now,
            scopes: (fields["scope"] ?? "").split(separator: " ").map(String.init),
            idToken: fields["id_token"].flatMap { $0.isEmpty ? nil : $0 })
    }
}

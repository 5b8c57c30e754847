import Foundation
import HTTPExchange

/// The three-legged OAuth 1.0a flow (RFC 5849 §2): temporary credentials with `oauth_callback`,
/// authorization in the browser, the callback's `oauth_token` + `oauth_verifier`, token credentials.
struct OAuth1Login: Sendable {
    let settings: OAuth1Settings
    let endpoints: OAuth1Settings.Endpoints
    let signer: OAuth1RequestSigner
    let sender: any HTTPSending
    let interaction: any AuthInteraction
    let narrate: TraceNarrator

    func run() async throws -> OAuth1Token {
        let capture = settings.callback == "oob"
            ? RedirectCapture(listener: nil, timeout: settings.redirectTimeout)
            : try await RedirectCapture.prepare(
                redirectURI: settings.callback, timeout: settings.redirectTimeout, listen: settings.redirectListener)
        do {
            let token = try await steps(capture)
            await capture.close()
            return token
        } catch {
            await capture.close()
            throw error
        }
    }

    private func steps(_ capture: RedirectCapture) async throws -> OAuth1Token {
        narrate("1. temporary credentials: POST \(endpoints.requestTokenURL) with oauth_callback=\(settings.callback)")
        let temporaryResponse = try await signedPost(
            endpoints.requestTokenURL, token: nil, extra: [("oauth_callback", settings.callback)],
            step: "request token", narrate: narrate)
        let temporary = try Self.credentials(temporaryResponse, step: "request token")
        let narrate = self.narrate.adding([temporary.token, temporary.secret])
        let confirmed = temporaryResponse["oauth_callback_confirmed"]
        if confirmed != "true" && confirmed != "1" {
            interaction.show("warning: the provider did not confirm the callback (oauth_callback_confirmed missing)")
        }
        narrate("  temporary token = \(narrate.secret(temporary.token)), secret = \(narrate.secret(temporary.secret))")

        let separator = endpoints.authorizeURL.contains("?") ? "&" : "?"
        let authorizeURL = endpoints.authorizeURL + separator + "oauth_token=" + OAuthPercentEncoding.encode(temporary.token)
        narrate("2. authorization: the person approves in the browser")
        try await interaction.willOpen(.resourceOwnerAuthorization, url: authorizeURL)
        interaction.show("Open this URL to authorize: \(authorizeURL)")
        interaction.openBrowser(authorizeURL)

        let verifier: String
        if settings.callback == "oob" {
            guard let typed = await interaction.ask("Verifier shown by the provider: ", secret: false)?
                .trimmingCharacters(in: " \t\r\n"), !typed.isEmpty
            else { throw AuthError.cancelled("no verifier was given") }
            interaction.redirected(.callback, parameters: [("oauth_verifier", typed)])
            verifier = typed
        } else {
            let parameters = try await capture.parameters(interaction, narrate: narrate)
            interaction.redirected(.callback, parameters: parameters)
            let values = Dictionary(parameters, uniquingKeysWith: { first, _ in first })
            if let problem = values["oauth_problem"] ?? values["error"] {
                throw AuthError.denied(problem)
            }
            guard let returned = values["oauth_token"], ConstantTime.equals(returned, temporary.token) else {
                narrate("  token check FAILED: the callback's oauth_token is not the temporary token")
                if values["oauth_token"] == nil && values["oauth_verifier"] == nil {
                    throw AuthError.denied("the callback carries no oauth_token or oauth_verifier")
                }
                throw AuthError.tokenMismatch
            }
            guard let value = values["oauth_verifier"], !value.isEmpty else {
                throw AuthError.unexpectedResponse("the callback has no oauth_verifier")
            }
            narrate("  callback oauth_token matches the temporary token")
            verifier = value
        }
        let withVerifier = narrate.adding([verifier])
        withVerifier("3. token credentials: POST \(endpoints.accessTokenURL) with oauth_verifier, signed with the temporary secret")
        let accessResponse = try await signedPost(
            endpoints.accessTokenURL, token: temporary, extra: [("oauth_verifier", verifier)], step: "access token",
            narrate: withVerifier)
        return try Self.credentials(accessResponse, step: "access token")
    }

    private func signedPost(
        _ url: String, token: OAuth1Token?, extra: [(String, String)], step: String, narrate: TraceNarrator
    ) async throws -> [String: String] {
        let unsigned = HTTPRequest(method: "POST", url: url, headers: ["Accept": "application/x-www-form-urlencoded"])
        let (request, report) = try signer.sign(
            unsigned, token: token, extra: extra, nonce: OAuth1Nonce.make(), timestamp: OAuth1Nonce.timestamp())
        OAuth1Narration.narrate(report, signer: signer, token: token, narrate: narrate)
        let response = try await sender.send(request, options: SendOptions(followRedirects: false))
        let values = Dictionary(PercentEncoding.decodePairs(response.text ?? ""), uniquingKeysWith: { first, _ in first })
        narrate.adding([values["oauth_token"], values["oauth_token_secret"]].compactMap { $0 })(
            "  ← HTTP \(response.status): \(response.text.map { String($0.prefix(400)) } ?? "")")
        guard (200..<300).contains(response.status) else {
            throw AuthError.provider(ProviderError(response: response, step: step))
        }
        return values
    }

    private static func credentials(_ values: [String: String], step: String) throws -> OAuth1Token {
        guard let token = values["oauth_token"], let secret = values["oauth_token_secret"] else {
            throw AuthError.unexpectedResponse("the \(step) response lacks oauth_token or oauth_token_secret")
        }
        return OAuth1Token(token: token, secret: secret)
    }
}

/// The `trace on` story of one OAuth 1 signature.
enum OAuth1Narration {
    static func narrate(
        _ report: OAuth1RequestSigner.Report, signer: OAuth1RequestSigner, token: OAuth1Token?, narrate: TraceNarrator
    ) {
        guard narrate.isOn else { return }
        narrate("  parameters collected:")
        for item in report.collected {
            narrate("    [\(item.source)] \(item.name) = \(item.value)")
        }
        narrate("  normalized (\(signer.normalization.rawValue)): \(report.normalized)")
        narrate("  base string: \(report.baseString)")
        if signer.method.usesRSA {
            narrate("  key: the RSA private key (\(signer.method.rawValue), PKCS#1 v1.5)")
        } else {
            narrate("  key: enc(consumer_secret)&enc(token_secret) = \(narrate.secret(OAuthPercentEncoding.encode(signer.consumerSecret)))&\(narrate.secret(OAuthPercentEncoding.encode(token?.secret ?? "")))")
        }
        if signer.method == .plaintext {
            narrate("  signature (\(signer.method.rawValue)) is the key itself: \(narrate.secret(report.signature))")
        } else {
            narrate("  signature (\(signer.method.rawValue)): \(report.signature)")
        }
        narrate("  sent in the \(report.placed.hasPrefix("OAuth ") ? "header: Authorization: " : "")\(report.placed)")
    }
}

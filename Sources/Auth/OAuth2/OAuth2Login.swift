import HTTPExchange

/// Runs an OAuth 2 grant to its token, narrating each step.
struct OAuth2Login: Sendable {
    let settings: OAuth2Settings
    let client: OAuth2TokenClient
    let interaction: any AuthInteraction
    let narrate: TraceNarrator

    func run(password: String?) async throws -> OAuth2Token {
        switch settings.grant {
        case .authorizationCode:
            return try await authorizationCode()
        case .clientCredentials:
            narrate("1. client credentials grant: the client authenticates as itself, no person involved")
            return try await client.requestToken(
                [("grant_type", "client_credentials")] + scopeParameter, step: "client credentials token request")
        case .deviceCode:
            return try await DeviceCodeGrant(settings: settings, client: client, interaction: interaction, narrate: narrate).run()
        case .password:
            guard let username = settings.username, let password else {
                throw AuthError.notApplicable("the password grant needs username and password")
            }
            narrate("1. password grant: the user's own credentials are exchanged for a token")
            return try await client.requestToken(
                [("grant_type", "password"), ("username", username), ("password", password)] + scopeParameter,
                step: "password token request")
        }
    }

    private var scopeParameter: [(String, String)] {
        settings.scope.map { [("scope", $0)] } ?? []
    }

    private func authorizationCode() async throws -> OAuth2Token {
        let request = AuthorizationRequest(settings: settings)
        let narrate = self.narrate.adding([request.codeVerifier].compactMap { $0 })
        guard let redirectURI = settings.redirectURI else {
            throw AuthError.notApplicable("the authorization code grant needs redirect_uri")
        }
        let capture = try await RedirectCapture.prepare(
            redirectURI: redirectURI, timeout: settings.redirectTimeout, listen: settings.redirectListener)
        do {
            narrate("1. authorization request: the browser asks the provider for a code")
            narrate("  state = \(request.state)   (random; the redirect must bring it back unchanged)")
            if let verifier = request.codeVerifier, let challenge = request.codeChallenge {
                narrate("  PKCE code_verifier = \(narrate.secret(verifier))   (32 random bytes, base64url; kept by apish)")
                narrate("  code_challenge = BASE64URL(SHA256(code_verifier)) = \(challenge)   (method S256)")
            } else {
                narrate("  PKCE off (pkce = false)")
            }
            narrate("  authorize URL: \(request.url)")
            for (name, value) in RequestURL(request.url)?.queryPairs ?? [] {
                narrate("    \(name) = \(value)")
            }
            try await interaction.willOpen(.authorizationRequest, url: request.url)
            interaction.show("Open this URL to authorize: \(request.url)")
            interaction.openBrowser(request.url)
            narrate("2. redirect back to \(redirectURI)" + (capture.catchesRedirect ? "" : " (pasted: no listener can serve it)"))
            let parameters = try await capture.parameters(interaction, narrate: narrate)
            interaction.redirected(.authorizationResponse, parameters: parameters)
            let values = Dictionary(parameters, uniquingKeysWith: { first, _ in first })
            // A denial without state is still reported as what it is; anything that could carry a code
            // must bring the state back.
            if values["state"] != nil || values["error"] == nil {
                guard let returnedState = values["state"], ConstantTime.equals(returnedState, request.state) else {
                    narrate("  state check FAILED: sent \(request.state), got \(values["state"] ?? "none")")
                    throw AuthError.stateMismatch
                }
                narrate("  state matches")
            }
            if let error = values["error"] {
                let detail = [error, values["error_description"]].compactMap { $0 }.joined(separator: ": ")
                if error == "access_denied" { throw AuthError.denied(detail) }
                throw AuthError.provider(ProviderError(status: 302, code: error, message: values["error_description"],
                                                       step: "authorization request"))
            }
            guard let code = values["code"], !code.isEmpty else {
                throw AuthError.unexpectedResponse("the redirect carries neither a code nor an error")
            }
            let withCode = narrate.adding([code])
            withCode("3. token request: the code (and PKCE verifier) are exchanged for tokens")
            var tokenParameters: [(String, String)] = [
                ("grant_type", "authorization_code"), ("code", code), ("redirect_uri", redirectURI),
            ]
            if let verifier = request.codeVerifier { tokenParameters.append(("code_verifier", verifier)) }
            let tokenClient = OAuth2TokenClient(settings: settings, sender: client.sender, narrate: withCode)
            var token = try await tokenClient.requestToken(tokenParameters, step: "token request")
            token.nonce = request.nonce
            await capture.close()
            return token
        } catch {
            await capture.close()
            throw error
        }
    }
}

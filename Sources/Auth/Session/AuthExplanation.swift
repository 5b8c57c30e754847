/// `auth explain`: what the profile will do, as numbered steps, before anything runs.
enum AuthExplanation {
    static func steps(for profile: AuthProfile) -> [String] {
        let lines: [String]
        switch profile.method {
        case .none:
            lines = ["Requests are sent without credentials."]
        case .basic(let settings):
            lines = [
                "Join user and password: \"\(settings.username):<password>\" (the password from the profile, or asked once by `auth login` and kept in the secret store).",
                "Base64-encode it and send `Authorization: Basic <base64>` with every request (RFC 7617).",
                "Before sending it over plain http to a host that is not this machine, warn: Basic is readable by anyone on the path.",
            ]
        case .bearer(let settings):
            lines = [
                "Take the token from the profile (or asked once by `auth login`).",
                settings.placement == .header
                    ? "Send `Authorization: Bearer <token>` with every request (RFC 6750 §2.1)."
                    : "Add `access_token=<token>` to every request's query (RFC 6750 §2.3).",
            ]
        case .oauth1(let settings):
            lines = oauth1(settings)
        case .oauth2(let settings):
            lines = oauth2(settings)
        }
        return lines.enumerated().map { "\($0.offset + 1). \($0.element)" }
    }

    private static func oauth1(_ settings: OAuth1Settings) -> [String] {
        var lines: [String] = []
        if let endpoints = settings.endpoints {
            lines += [
                "POST \(endpoints.requestTokenURL), signed with the consumer secret alone and carrying oauth_callback=\(settings.callback): the provider returns temporary credentials (oauth_token, oauth_token_secret).",
                "Open \(endpoints.authorizeURL)?oauth_token=… in the browser (the URL is also printed); the person approves.",
                settings.callback == "oob"
                    ? "The provider shows a verifier; type it when asked."
                    : "The provider redirects to \(settings.callback) with oauth_token and oauth_verifier; apish checks that oauth_token is the temporary token.",
                "POST \(endpoints.accessTokenURL) with oauth_verifier, signed with the consumer secret and the temporary secret: the provider returns the access token and its secret, kept in the secret store.",
            ]
        }
        lines += [
            "For every request: collect the query parameters, the form body's fields (JSON bodies are not signed) and the oauth_* parameters (consumer key, token, a fresh nonce, the timestamp, signature method \(settings.signatureMethod.rawValue), version 1.0).",
            settings.normalization == .rfc5849
                ? "Normalize them per RFC 5849 §3.4.1.3.2: encode each name and value, sort by name then value, join name=value with &."
                : "Normalize them as Mautic ≤3 does: drop empty and \"0\" values, reduce where[0][col] to where, sort the encoded name=value strings, join with &.",
            "Build the base string: METHOD&enc(scheme://host/path)&enc(normalized parameters).",
            settings.signatureMethod.usesRSA
                ? "Sign it with the RSA private key (\(settings.signatureMethod.rawValue), PKCS#1 v1.5), base64."
                : settings.signatureMethod == .plaintext
                    ? "The signature is the key itself: enc(consumer_secret)&enc(token_secret) (use https)."
                    : "Sign it with \(settings.signatureMethod.rawValue) using the key enc(consumer_secret)&enc(token_secret), base64.",
            "Send oauth_signature and the other oauth_* parameters in the \(settings.placement == .header ? "Authorization: OAuth header" : settings.placement == .query ? "query string" : "form body").",
        ]
        return lines
    }

    private static func oauth2(_ settings: OAuth2Settings) -> [String] {
        let clientAuth = settings.clientSecret == nil
            ? "client_id in the form (public client)"
            : settings.clientAuthentication == .basic
                ? "the client authenticated by `Authorization: Basic base64(client_id:client_secret)`"
                : "client_id and client_secret in the form"
        var lines: [String] = []
        let tokenURL = settings.tokenURL ?? "the token_endpoint"
        if let issuer = settings.issuer {
            let urls = AuthorizationServerMetadata.discoveryURLs(issuer: issuer)
            lines.append("Discover the provider: GET \(urls.joined(separator: ", else GET ")) (OpenID Connect Discovery, RFC 8414); accept the document only if its issuer is exactly \(issuer), and take from it the endpoints not set here (authorization_endpoint, token_endpoint, device_authorization_endpoint, jwks_uri).")
        }
        switch settings.grant {
        case .authorizationCode:
            lines += [
                "Make a random state" + (settings.pkce
                    ? ", and a PKCE code_verifier (32 random bytes, base64url) with code_challenge = BASE64URL(SHA256(verifier))."
                    : " (PKCE is off)."),
                settings.redirectListener
                    ? "Listen on 127.0.0.1 at the redirect URI's port when it is a loopback http URI (\(settings.redirectURI ?? "")); otherwise you paste the URL the browser lands on."
                    : "Wait for you to paste the URL the browser lands on (redirect_listener = false).",
                "Open \(settings.authorizeURL ?? "the authorization_endpoint") with response_type=code, client_id, redirect_uri, state\(settings.scope == nil ? "" : ", scope")\(settings.pkce ? ", code_challenge, code_challenge_method=S256" : "") in the browser (also printed).",
                "Catch the redirect: refuse it unless state matches; take the code (or report the provider's error).",
                "POST \(tokenURL) with grant_type=authorization_code, code, redirect_uri\(settings.pkce ? ", code_verifier" : ""), \(clientAuth).",
            ]
        case .clientCredentials:
            lines.append("POST \(tokenURL) with grant_type=client_credentials\(settings.scope == nil ? "" : ", scope"), \(clientAuth) — done automatically before the first request.")
        case .password:
            lines.append("POST \(tokenURL) with grant_type=password, username=\(settings.username ?? ""), password, \(clientAuth).")
        case .deviceCode:
            lines += [
                "POST \(settings.deviceAuthorizationURL ?? "the device_authorization_endpoint") with \(clientAuth)\(settings.scope == nil ? "" : " and scope"): the provider returns a device_code, a user_code, the verification_uri, expires_in and the polling interval (RFC 8628 §3.2).",
                "Print the user code and the verification URI (and open verification_uri_complete in the browser when there is one): the person enters the code there, on any device, and approves.",
                "Every interval seconds (5 unless the provider says otherwise) POST \(tokenURL) with grant_type=urn:ietf:params:oauth:grant-type:device_code and the device_code: authorization_pending means poll again, slow_down adds 5 s to the interval, access_denied and expired_token stop the login (RFC 8628 §3.4–3.5).",
            ]
        }
        lines += [
            "Keep the access token, its expiry and the refresh token in the secret store (never in collections or history).",
            "Send the token as \(settings.tokenPlacement == .header ? "`Authorization: Bearer <token>`" : "the access_token query parameter") with every request.",
            "Shortly before expiry, and once after a 401 (then retry the request once), POST grant_type=refresh_token to \(tokenURL)\(settings.grant.needsPerson ? "" : " — or, without a refresh token, repeat the grant").",
        ]
        return lines
    }
}

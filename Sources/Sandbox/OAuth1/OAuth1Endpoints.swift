import Auth
import Foundation
import HTTPExchange

/// `/oauth/v1/request_token`, `/oauth/v1/authorize` and `/oauth/v1/access_token`, plus the check of signed API calls.
struct OAuth1Endpoints {
    let credentials: SandboxCredentials
    let verifier: OAuth1Verifier
    let now: Date

    init(credentials: SandboxCredentials, signing: SandboxConfiguration.OAuth1Signing, now: Date) {
        self.credentials = credentials
        self.now = now
        verifier = OAuth1Verifier(
            credentials: credentials, normalization: signing == .rfc5849 ? .rfc5849 : .mauticLegacy, now: now)
    }

    func requestToken(_ request: SandboxRequest, _ parameters: RequestParameters, store: inout OAuth1Store) throws(MauticError) -> SandboxResponse {
        let checked = try verifier.check(request, OAuth1Parameters(request, parameters: parameters), requiring: ["oauth_callback"])
        let callback = checked.value("oauth_callback")!
        if callback != "oob" {
            guard callback.lowercased().hasPrefix(checked.consumer.callback.lowercased()) else { throw OAuth1Error.callbackInvalid }
        }
        try verifier.verifySignature(request, checked, tokenSecret: "")
        let issued = store.issueRequestToken(consumerKey: checked.consumer.consumerKey, callback: callback, now: now)
        return .formEncoded([
            ("oauth_token", issued.token), ("oauth_token_secret", issued.secret),
            ("oauth_expires_in", String(Int(OAuth1Store.requestTokenLifetime))), ("oauth_callback_confirmed", "true"),
        ])
    }

    func authorize(_ request: SandboxRequest, _ parameters: RequestParameters, store: inout OAuth1Store) throws(MauticError) -> SandboxResponse {
        let fields = request.method == "POST" ? (parameters.bodyObject ?? .init()) : parameters.query
        let value = { (name: String) in fields[name].flatMap(RequestParameters.scalarText) }
        guard let token = value("oauth_token"), let pending = store.requestTokens[token], pending.expires > now,
              pending.verifier == nil else {
            throw OAuth1Error.tokenRejected
        }
        let page = ConsentPage(
            title: "Authorize \(pending.consumerKey)", clientDescription: "The OAuth 1.0a consumer \(pending.consumerKey)",
            action: "/oauth/v1/authorize", hiddenFields: [("oauth_token", token)], error: nil)
        guard request.method == "POST" else { return page.render() }

        if value("deny") != nil || value("approve") == nil {
            store.requestTokens[token] = nil
            if pending.callback == "oob" { return .html("<!DOCTYPE html><p>Access was denied.</p>", status: 403) }
            return .redirect(to: FormEncoding.appendingQuery([("oauth_token", token), ("error", "access_denied")], to: pending.callback))
        }
        let login = BasicCredentials(username: value("username") ?? "", password: value("password") ?? "")
        guard let user = login.authenticate(in: credentials) else {
            var retry = page
            retry.error = "Invalid username or password."
            return retry.render()
        }
        let verifierCode = SecureRandom.alphanumericToken(length: 24)
        store.requestTokens[token]?.verifier = verifierCode
        store.requestTokens[token]?.userID = user.id
        if pending.callback == "oob" {
            return .html("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Verifier</title></head>
                <body><p>Enter this verifier in your application:</p><p><code id="oauth_verifier">\(verifierCode)</code></p></body></html>
                """)
        }
        return .redirect(to: FormEncoding.appendingQuery([("oauth_token", token), ("oauth_verifier", verifierCode)], to: pending.callback))
    }

    /// Unlike Mautic's server bundle, the verifier is compared with the one issued at authorization.
    func accessToken(_ request: SandboxRequest, _ parameters: RequestParameters, store: inout OAuth1Store) throws(MauticError) -> SandboxResponse {
        let checked = try verifier.check(
            request, OAuth1Parameters(request, parameters: parameters), requiring: ["oauth_token", "oauth_verifier"])
        let token = checked.value("oauth_token")!
        guard let pending = store.requestTokens[token], pending.consumerKey == checked.consumer.consumerKey,
              pending.expires > now, let expected = pending.verifier, let userID = pending.userID else {
            throw OAuth1Error.tokenRejected
        }
        guard ConstantTime.equals(expected, checked.value("oauth_verifier")!) else { throw OAuth1Error.verifierInvalid }
        try verifier.verifySignature(request, checked, tokenSecret: pending.secret)
        store.requestTokens[token] = nil
        let issued = store.issueAccessToken(consumerKey: checked.consumer.consumerKey, userID: userID)
        return .formEncoded([
            ("oauth_token", issued.token), ("oauth_token_secret", issued.secret),
            ("oauth_expires_in", String(Int(OAuth1Store.requestTokenLifetime))),
        ])
    }

    /// A signed API call: the user its access token was granted by. Nonces are checked here only, as in Mautic
    /// (a PLAINTEXT call may send none, RFC 5849 §3.1).
    func authenticate(_ request: SandboxRequest, _ parameters: RequestParameters, store: inout OAuth1Store) throws(MauticError) -> SandboxCredentials.User {
        let checked = try verifier.check(request, OAuth1Parameters(request, parameters: parameters), requiring: ["oauth_token"])
        guard let access = store.accessTokens[checked.value("oauth_token")!],
              access.consumerKey == checked.consumer.consumerKey,
              let user = credentials.user(id: access.userID) else {
            throw OAuth1Error.tokenRejected
        }
        try verifier.verifySignature(request, checked, tokenSecret: access.secret)
        if let nonce = checked.value("oauth_nonce") {
            guard store.useNonce(
                nonce, consumerKey: checked.consumer.consumerKey,
                token: checked.value("oauth_token")!, timestamp: checked.value("oauth_timestamp") ?? "", now: now) else {
                throw OAuth1Error.nonceUsed
            }
        }
        return user
    }
}

import Foundation
import Testing
@testable import Sandbox

/// The three-legged flow signed with PLAINTEXT and written out by hand, as a plain-text client
/// (collections/mautic/oauth1.hurl) sends it: no timestamp and no nonce, which RFC 5849 §3.1 allows
/// for PLAINTEXT, and the signature `enc(consumer_secret)&enc(token_secret)`, percent-encoded once more.
@Suite("OAuth 1.0a PLAINTEXT without timestamp or nonce")
struct OAuth1PlaintextTests {
    private static let consumer = "oauth_consumer_key=demo-oauth1-key&oauth_signature_method=PLAINTEXT"

    private func form(_ response: SandboxResponse) -> [String: String] {
        Dictionary(FormEncoding.pairs(response.bodyText), uniquingKeysWith: { $1 })
    }

    /// Request token, consent as admin, access token: every step's OAuth parameters in a form body.
    private func accessToken(_ sandbox: SandboxHarness) async throws -> (token: String, secret: String) {
        let requested = await sandbox.send(
            "POST", "/oauth/v1/request_token",
            form: Self.consumer + "&oauth_callback=http%3A%2F%2F127.0.0.1%3A8766%2Fcallback&oauth_signature=demo-oauth1-secret%26",
            as: .none)
        #expect(requested.status == 200, "\(requested.bodyText)")
        let requestToken = try #require(form(requested)["oauth_token"])
        let requestSecret = try #require(form(requested)["oauth_token_secret"])
        let consent = await sandbox.send(
            "POST", "/oauth/v1/authorize", form: "oauth_token=\(requestToken)&username=admin&password=mautic&approve=1", as: .none)
        let location = try #require(consent.header("Location"), "\(consent.bodyText)")
        let verifier = try #require(URLComponents(string: location)?.queryItems?.first { $0.name == "oauth_verifier" }?.value)
        let exchanged = await sandbox.send(
            "POST", "/oauth/v1/access_token",
            form: Self.consumer + "&oauth_token=\(requestToken)&oauth_verifier=\(verifier)"
                + "&oauth_signature=demo-oauth1-secret%26\(requestSecret)",
            as: .none)
        #expect(exchanged.status == 200, "\(exchanged.bodyText)")
        return (try #require(form(exchanged)["oauth_token"]), try #require(form(exchanged)["oauth_token_secret"]))
    }

    private func header(token: String, signature: String, extra: String = "") -> SandboxHarness.Credentials {
        .header(#"OAuth oauth_consumer_key="demo-oauth1-key", oauth_token="\#(token)", oauth_signature_method="PLAINTEXT", "#
            + #"oauth_signature="\#(signature)"\#(extra)"#)
    }

    @Test func theFlowAndAnAPICallNeedNoTimestampOrNonce() async throws {
        let sandbox = SandboxHarness()
        let access = try await accessToken(sandbox)
        let signature = "demo-oauth1-secret%26\(access.secret)"
        let first = await sandbox.send("GET", "/api/users/self", as: header(token: access.token, signature: signature))
        #expect(first.status == 200, "\(first.bodyText)")
        #expect(try first.json()["username"] == .string("admin"))
        let again = await sandbox.send("GET", "/api/users/self", as: header(token: access.token, signature: signature))
        #expect(again.status == 200, "without a nonce there is nothing to reuse: \(again.bodyText)")
    }

    @Test func aWrongPlaintextSignatureIsRefused() async throws {
        let sandbox = SandboxHarness()
        let access = try await accessToken(sandbox)
        let response = await sandbox.send(
            "GET", "/api/users/self", as: header(token: access.token, signature: "demo-oauth1-secret%26not-the-secret"))
        #expect(response.status == 401)
        #expect(response.bodyText.contains("signature_invalid"))
    }

    @Test func aTimestampOrNonceSentWithPlaintextIsStillChecked() async throws {
        let sandbox = SandboxHarness()
        let access = try await accessToken(sandbox)
        let signature = "demo-oauth1-secret%26\(access.secret)"
        let stale = await sandbox.send(
            "GET", "/api/users/self", as: header(token: access.token, signature: signature, extra: #", oauth_timestamp="1""#))
        #expect(stale.status == 400)
        #expect(stale.bodyText.contains("timestamp_refused"))
        let now = String(Int(sandbox.clock.now.timeIntervalSince1970))
        let withNonce = header(token: access.token, signature: signature, extra: #", oauth_timestamp="\#(now)", oauth_nonce="n1""#)
        #expect(await sandbox.send("GET", "/api/users/self", as: withNonce).status == 200)
        let replayed = await sandbox.send("GET", "/api/users/self", as: withNonce)
        #expect(replayed.status == 400)
        #expect(replayed.bodyText.contains("nonce_used"))
    }

    @Test func hmacStillNeedsTimestampAndNonce() async throws {
        let response = await SandboxHarness().send(
            "POST", "/oauth/v1/request_token",
            form: "oauth_consumer_key=demo-oauth1-key&oauth_signature_method=HMAC-SHA1&oauth_signature=x&oauth_callback=oob",
            as: .none)
        #expect(response.status == 400)
        #expect(response.bodyText.contains("oauth_timestamp"))
    }
}

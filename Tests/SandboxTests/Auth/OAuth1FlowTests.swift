import Auth
import Foundation
import HTTPExchange
import Testing
@testable import Sandbox

/// Signs requests the way an RFC 5849 client does, with the project's own signer.
private struct OAuth1TestClient {
    let sandbox: SandboxHarness
    var normalization: OAuth1Normalization = .rfc5849
    var signatureMethod: OAuth1SignatureMethod = .hmacSHA1
    var token = ""
    var tokenSecret = ""

    func send(_ method: String, _ path: String, query: [(String, String)] = [], extra: [(String, String)] = [],
              nonce: String = SecureRandom.alphanumericToken(length: 16), timestamp: Date? = nil) async -> SandboxResponse {
        var oauth: [(String, String)] = [
            ("oauth_consumer_key", "demo-oauth1-key"), ("oauth_nonce", nonce),
            ("oauth_signature_method", signatureMethod.rawValue),
            ("oauth_timestamp", String(Int((timestamp ?? sandbox.clock.now).timeIntervalSince1970))),
            ("oauth_version", "1.0"),
        ] + extra
        if !token.isEmpty { oauth.append(("oauth_token", token)) }
        let base = OAuth1Signature.baseString(
            method: method, url: "http://sandbox.test\(path)", parameters: oauth + query, normalization: normalization)
        let signature = try! OAuth1Signature.sign(
            baseString: base, method: signatureMethod, consumerSecret: "demo-oauth1-secret", tokenSecret: tokenSecret)
        oauth.append(("oauth_signature", signature))
        let header = "OAuth " + oauth.map { "\($0.0)=\"\(OAuthPercentEncoding.encode($0.1))\"" }.joined(separator: ", ")
        let queryText = query.map { "\(FormEncoding.encode($0.0))=\(FormEncoding.encode($0.1))" }.joined(separator: "&")
        return await sandbox.send(method, queryText.isEmpty ? path : "\(path)?\(queryText)", as: .header(header))
    }

    /// Request token, consent as admin, access token: returns the client holding the access token.
    func login(verifierOverride: String? = nil) async throws -> (client: OAuth1TestClient, response: SandboxResponse) {
        let requested = await send("POST", "/oauth/v1/request_token", extra: [("oauth_callback", "http://127.0.0.1:7777/cb")])
        let fields = Dictionary(uniqueKeysWithValues: FormEncoding.pairs(requested.bodyText))
        let requestToken = try #require(fields["oauth_token"], "\(requested.bodyText)")
        let consent = await sandbox.send(
            "POST", "/oauth/v1/authorize", form: "oauth_token=\(requestToken)&username=admin&password=mautic&approve=1", as: .none)
        let location = try #require(consent.header("Location"))
        let items = URLComponents(string: location)?.queryItems ?? []
        #expect(items.first { $0.name == "oauth_token" }?.value == requestToken)
        let verifier = try #require(items.first { $0.name == "oauth_verifier" }?.value)
        var exchanging = self
        exchanging.token = requestToken
        exchanging.tokenSecret = try #require(fields["oauth_token_secret"])
        let exchanged = await exchanging.send(
            "POST", "/oauth/v1/access_token", extra: [("oauth_verifier", verifierOverride ?? verifier)])
        let access = Dictionary(uniqueKeysWithValues: FormEncoding.pairs(exchanged.bodyText))
        var signed = self
        signed.token = access["oauth_token"] ?? ""
        signed.tokenSecret = access["oauth_token_secret"] ?? ""
        return (signed, exchanged)
    }
}

@Suite("OAuth 1.0a three-legged flow and signed calls")
struct OAuth1FlowTests {
    @Test func fullFlowThenSignedCalls() async throws {
        let sandbox = SandboxHarness()
        let (client, exchanged) = try await OAuth1TestClient(sandbox: sandbox).login()
        #expect(exchanged.status == 200, "\(exchanged.bodyText)")
        let response = await client.send("GET", "/api/contacts", query: [("search", "ada"), ("start", "0")])
        #expect(response.status == 200, "\(response.bodyText)")
        #expect(try response.json()["total"] == .string("1"))
    }

    @Test(arguments: [OAuth1SignatureMethod.hmacSHA256, .hmacSHA512, .plaintext])
    func otherSignatureMethods(method: OAuth1SignatureMethod) async throws {
        var (client, _) = try await OAuth1TestClient(sandbox: SandboxHarness()).login()
        client.signatureMethod = method
        let response = await client.send("GET", "/api/users/self")
        #expect(response.status == 200, "\(method): \(response.bodyText)")
    }

    @Test func rsaIsRejectedAsAMethod() async throws {
        let response = await SandboxHarness().send(
            "POST", "/oauth/v1/request_token",
            as: .header(#"OAuth oauth_consumer_key="demo-oauth1-key", oauth_signature_method="RSA-SHA1", oauth_signature="x", oauth_timestamp="1", oauth_nonce="n", oauth_callback="oob""#))
        #expect(response.status == 400)
        #expect(try response.mauticError().type == "signature_method_rejected")
    }

    @Test func outOfBandCallbackShowsTheVerifier() async throws {
        let sandbox = SandboxHarness()
        let client = OAuth1TestClient(sandbox: sandbox)
        let requested = await client.send("POST", "/oauth/v1/request_token", extra: [("oauth_callback", "oob")])
        let fields = Dictionary(uniqueKeysWithValues: FormEncoding.pairs(requested.bodyText))
        let token = try #require(fields["oauth_token"], "\(requested.bodyText)")
        #expect(fields["oauth_callback_confirmed"] == "true")
        let page = await sandbox.send(
            "POST", "/oauth/v1/authorize", form: "oauth_token=\(token)&username=sales&password=sales&approve=1", as: .none)
        #expect(page.status == 200)
        let verifier = try #require(page.bodyText.firstMatch(of: /id="oauth_verifier">([A-Za-z0-9]+)</)?.1)
        var exchanging = client
        exchanging.token = token
        exchanging.tokenSecret = try #require(fields["oauth_token_secret"])
        let exchanged = await exchanging.send("POST", "/oauth/v1/access_token", extra: [("oauth_verifier", String(verifier))])
        #expect(exchanged.status == 200, "\(exchanged.bodyText)")
        let again = await exchanging.send("POST", "/oauth/v1/access_token", extra: [("oauth_verifier", String(verifier))])
        #expect(try again.mauticError().type == "token_rejected", "a request token is exchanged once")
    }

    @Test func verifierIsChecked() async throws {
        let (_, exchanged) = try await OAuth1TestClient(sandbox: SandboxHarness()).login(verifierOverride: "guessed")
        #expect(exchanged.status == 401)
        #expect(try exchanged.mauticError().type == "verifier_invalid")
    }

    @Test func replayedNonceSkewedClockAndBadSignatureAreRefused() async throws {
        let sandbox = SandboxHarness()
        let (client, _) = try await OAuth1TestClient(sandbox: sandbox).login()
        #expect(await client.send("GET", "/api/users/self", nonce: "same").status == 200)
        let replay = await client.send("GET", "/api/users/self", nonce: "same")
        #expect(replay.status == 400)
        #expect(try replay.mauticError().type == "nonce_used")
        let skewed = await client.send("GET", "/api/users/self", timestamp: sandbox.clock.now.addingTimeInterval(-601))
        #expect(try skewed.mauticError().type == "timestamp_refused")
        var forged = client
        forged.tokenSecret = "not-the-secret"
        let bad = await forged.send("GET", "/api/users/self")
        #expect(bad.status == 401)
        #expect(try bad.mauticError().type == "signature_invalid")
    }

    @Test func callbackMustStartWithTheRegisteredOne() async throws {
        let client = OAuth1TestClient(sandbox: SandboxHarness())
        let response = await client.send("POST", "/oauth/v1/request_token", extra: [("oauth_callback", "http://evil.example/cb")])
        #expect(response.status == 400)
        #expect(try response.mauticError().message == "Callback is not valid.")
    }

    @Test func legacyNormalisationSignsFlattenedBracketsAndSkipsEmptyValues() async throws {
        let sandbox = SandboxHarness(configuration: SandboxConfiguration(oauth1Signing: .mauticLegacy))
        var (client, _) = try await OAuth1TestClient(sandbox: sandbox, normalization: .mauticLegacy).login()
        let query = [("where[0][col]", "email"), ("where[0][expr]", "eq"), ("where[0][val]", "ada@example.com"), ("start", "0")]
        let legacy = await client.send("GET", "/api/contacts", query: query)
        #expect(legacy.status == 200, "\(legacy.bodyText)")
        #expect(try legacy.json()["total"] == .string("1"))
        client.normalization = .rfc5849
        #expect(await client.send("GET", "/api/contacts", query: query).status == 401, "an RFC 5849 signature is rejected in legacy mode")
    }
}

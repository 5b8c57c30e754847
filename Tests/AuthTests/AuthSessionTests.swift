import Auth
import Foundation
import HTTPExchange
import Testing

/// Session behaviour that needs no server: status, masking, explanation, provider errors.
@Suite struct AuthSessionTests {
    struct Unreachable: HTTPSending {
        func send(_ request: HTTPRequest, options: SendOptions) async throws -> HTTPResponse {
            throw AuthError.unexpectedResponse("no network in this test")
        }
    }

    static func session(_ settings: [String: String], trace: AuthTrace? = nil) throws -> AuthSession {
        AuthSession(profile: try AuthProfile(name: "p", settings: settings), storeKey: "e/p", store: InMemorySecretStore(),
                    sender: Unreachable(), trace: trace)
    }

    @Test func basicHeaderAndItsNarrationAreMasked() async throws {
        let lines = TraceLines()
        let session = try Self.session(["type": "basic", "username": "admin", "password": "hunter22"], trace: lines.trace())
        let request = try await session.authorize(HTTPRequest(method: "GET", url: "https://m.test/api/contacts"))
        #expect(request.headers["Authorization"] == "Basic YWRtaW46aHVudGVyMjI=")
        #expect(lines.text.contains("base64(\"admin:••••••\")"))
        #expect(!lines.text.contains("hunter22") && !lines.text.contains("YWRtaW46aHVudGVyMjI="))
        let masked = Redactor(secrets: session.secretValues).headerValue(request.headers["Authorization"] ?? "", name: "Authorization")
        #expect(masked == "Basic ••••••")

        let revealed = TraceLines()
        session.trace = revealed.trace(reveal: true)
        _ = try await session.authorize(HTTPRequest(method: "GET", url: "https://m.test/"))
        #expect(revealed.text.contains("admin:hunter22"))
    }

    @Test func aStoredBasicPasswordBelongsToItsUserOnly() async throws {
        let store = InMemorySecretStore()
        func session(_ username: String) throws -> AuthSession {
            AuthSession(profile: try AuthProfile(name: "basic", settings: ["type": "basic", "username": username]),
                        storeKey: "e/basic", store: store, sender: Unreachable(), trace: nil)
        }
        try await session("admin").login(ScriptedInteraction(browserMode: nil) { _, _ in "mautic" })
        let request = HTTPRequest(method: "GET", url: "https://m.test/")
        #expect(try await session("admin").authorize(request).headers["Authorization"] == "Basic YWRtaW46bWF1dGlj")
        let sales = try session("sales")
        #expect(!sales.status.isReady)
        #expect(sales.status.badge == "basic ✗")
        await #expect(throws: AuthError.self) { try await sales.authorize(request) }
    }

    @Test func basicOverPlainHttpToAnotherHostWarns() throws {
        let session = try Self.session(["type": "basic", "username": "u", "password": "p"])
        #expect(session.warning(for: HTTPRequest(method: "GET", url: "http://m.example.com/api"))?.contains("m.example.com") == true)
        #expect(session.warning(for: HTTPRequest(method: "GET", url: "http://m.example.com/api"))?.hasPrefix("sending Basic") == true)
        #expect(session.warning(for: HTTPRequest(method: "GET", url: "https://m.example.com/api")) == nil)
        #expect(session.warning(for: HTTPRequest(method: "GET", url: "http://127.0.0.1:8181/api")) == nil)
        #expect(session.warning(for: HTTPRequest(method: "GET", url: "http://localhost/api")) == nil)
        let silenced = try Self.session(["type": "basic", "username": "u", "password": "p", "allow_insecure": "true"])
        #expect(silenced.warning(for: HTTPRequest(method: "GET", url: "http://m.example.com/api")) == nil)
    }

    @Test func statusNeverShowsSecrets() throws {
        let session = try Self.session(["type": "bearer", "token": "tok-12345", "token_placement": "query"])
        let status = session.status
        #expect(status.isReady && status.badge == "bearer ✓")
        #expect(!status.details.joined().contains("tok-12345"))
        let oauth2 = try Self.session([
            "type": "oauth2", "client_id": "c", "client_secret": "s", "token_url": "https://x.test/t",
            "authorize_url": "https://x.test/a", "redirect_uri": "http://127.0.0.1:1/cb",
        ])
        #expect(!oauth2.status.isReady && oauth2.status.badge == "oauth2 ✗")
    }

    @Test func authorizationCodeProfilesNeedALoginBeforeRequests() async throws {
        let session = try Self.session([
            "type": "oauth2", "client_id": "c", "token_url": "https://x.test/t", "authorize_url": "https://x.test/a",
            "redirect_uri": "http://127.0.0.1:1/cb",
        ])
        await #expect(throws: AuthError.notLoggedIn(profile: "p", reason: "no OAuth 2 token")) {
            try await session.authorize(HTTPRequest(method: "GET", url: "https://x.test/api"))
        }
    }

    @Test func explainNumbersTheSteps() throws {
        let steps = try Self.session([
            "type": "oauth2", "client_id": "c", "token_url": "https://x.test/t", "authorize_url": "https://x.test/a",
            "redirect_uri": "http://127.0.0.1:8765/cb",
        ]).explain()
        #expect(steps.first?.hasPrefix("1. Make a random state, and a PKCE code_verifier") == true)
        #expect(steps.contains { $0.contains("code_challenge_method=S256") })
        #expect(steps.enumerated().allSatisfy { $0.element.hasPrefix("\($0.offset + 1). ") })
        let oauth1 = try Self.session(["type": "oauth1", "consumer_key": "k", "consumer_secret": "s", "normalization": "mautic-legacy"]).explain()
        #expect(oauth1.contains { $0.contains("reduce where[0][col] to where") })
    }

    @Test func providerErrorsReadRFC6749AndMauticBodies() {
        func response(_ status: Int, _ body: String, type: String = "application/json") -> HTTPResponse {
            HTTPResponse(version: "HTTP/1.1", status: status, reason: "", headers: ["Content-Type": type],
                         body: Array(body.utf8), url: "https://x.test/token", elapsed: .zero)
        }
        let rfc = ProviderError(response: response(400, #"{"error":"invalid_grant","error_description":"Code expired"}"#), step: "token request")
        #expect(rfc.code == "invalid_grant" && rfc.message == "Code expired")
        #expect(rfc.description == "the provider refused the token request (HTTP 400): invalid_grant: Code expired — the code, refresh token or password was rejected or has expired; log in again")
        let mautic = ProviderError(
            response: response(400, #"{"errors":[{"message":"The client credentials are invalid","code":400,"type":"invalid_client"}]}"#),
            step: "token request")
        #expect(mautic.code == "invalid_client" && mautic.message == "The client credentials are invalid")
        let oauth1 = ProviderError(response: response(401, "oauth_problem=signature_invalid", type: "application/x-www-form-urlencoded"), step: "request token")
        #expect(oauth1.code == "signature_invalid")
    }
}

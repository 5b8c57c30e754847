import Auth
import Foundation
import HTTPExchange
import Testing
import TestSupport
import Transport

/// OAuth 2 against an oauthlib provider we did not write the protocol logic of.
@Suite(.serialized) struct OAuth2InteropTests {
    static func settings(_ provider: PeerServer, redirectPort: Int = FreePort.next(), _ extra: [String: String] = [:])
        -> [String: String]
    {
        [
            "type": "oauth2", "grant": "authorization_code", "client_id": "apish-client",
            "client_secret": "apish-secret-1234", "authorize_url": provider.baseURL + "/authorize",
            "token_url": provider.baseURL + "/token", "redirect_uri": "http://127.0.0.1:\(redirectPort)/callback",
            "scope": "read write", "timeout": "20",
        ].merging(extra) { $1 }
    }

    static func session(_ settings: [String: String], store: InMemorySecretStore, transport: HTTPTransport,
                        trace: AuthTrace? = nil) throws -> AuthSession {
        AuthSession(profile: try AuthProfile(name: "provider", settings: settings), storeKey: "env/provider",
                    store: store, sender: transport, trace: trace)
    }

    static func me(_ provider: PeerServer, _ session: AuthSession, _ transport: HTTPTransport) async throws -> HTTPResponse {
        let request = HTTPRequest(method: "GET", url: provider.baseURL + "/api/me")
        return try await transport.send(try await session.authorize(request), options: SendOptions())
    }

    @Test func authorizationCodeWithPKCEThenAnAuthorizedRequest() async throws {
        let provider = try Providers.oauth2()
        let transport = HTTPTransport()
        defer { Task { await transport.shutdown() } }
        let store = InMemorySecretStore()
        let lines = TraceLines()
        let session = try Self.session(Self.settings(provider), store: store, transport: transport, trace: lines.trace())
        let interaction = ScriptedInteraction(browserMode: "approve")
        try await session.login(interaction)

        let opened = try #require(interaction.opened.first)
        #expect(opened.contains("code_challenge_method=S256") && opened.contains("state="))
        #expect(interaction.shown.contains { $0.contains(opened) }, "the authorization URL is always printed")
        let response = try await Self.me(provider, session, transport)
        #expect(response.status == 200)
        #expect(response.text?.contains("alice") == true)
        let status = session.status
        #expect(status.isReady && status.canRefresh && status.scopes.sorted() == ["read", "write"])
        #expect(status.badge == "oauth2 ✓")

        // The narration explains the flow and shows no token or secret.
        let trace = lines.text
        #expect(trace.contains("code_challenge = BASE64URL(SHA256(code_verifier))"))
        #expect(trace.contains("state matches"))
        let stored = try #require(try store.load("env/provider"))
        let token = try #require(try JSONSerialization.jsonObject(with: Data(stored)) as? [String: Any])
        let access = try #require((token["oauth2"] as? [String: Any])?["accessToken"] as? String)
        #expect(!trace.contains(access) && !trace.contains("apish-secret-1234"))
    }

    @Test func refreshesShortlyBeforeExpiry() async throws {
        let provider = try Providers.oauth2(tokenLifetime: 2)
        let transport = HTTPTransport()
        defer { Task { await transport.shutdown() } }
        let session = try Self.session(Self.settings(provider), store: InMemorySecretStore(), transport: transport)
        try await session.login(ScriptedInteraction(browserMode: "approve"))
        #expect(try await Self.me(provider, session, transport).status == 200)
        try await Task.sleep(for: .milliseconds(2200))
        #expect(try await Self.me(provider, session, transport).status == 200)
        let counters = try await Providers.counters(provider, transport: transport)
        #expect(counters["refresh_token"] == 1 && counters["api_401"] == 0)
    }

    @Test func refreshesOnceAfterA401AndRetries() async throws {
        let provider = try Providers.oauth2()
        let transport = HTTPTransport()
        defer { Task { await transport.shutdown() } }
        let session = try Self.session(Self.settings(provider), store: InMemorySecretStore(), transport: transport)
        try await session.login(ScriptedInteraction(browserMode: "approve"))
        _ = try await transport.send(
            HTTPRequest(method: "POST", url: provider.baseURL + "/admin/revoke-access-tokens"), options: SendOptions())
        let request = HTTPRequest(method: "GET", url: provider.baseURL + "/api/me")
        let first = try await transport.send(try await session.authorize(request), options: SendOptions())
        #expect(first.status == 401)
        let retry = try #require(try await session.recover(from: first, for: request))
        #expect(try await transport.send(retry, options: SendOptions()).status == 200)
        #expect(try await Providers.counters(provider, transport: transport)["refresh_token"] == 1)
    }

    @Test func concurrentRequestsShareOneRefreshOfARotatingToken() async throws {
        let provider = try Providers.oauth2(tokenLifetime: 1)
        let transport = HTTPTransport()
        defer { Task { await transport.shutdown() } }
        let session = try Self.session(Self.settings(provider), store: InMemorySecretStore(), transport: transport)
        try await session.login(ScriptedInteraction(browserMode: "approve"))
        try await Task.sleep(for: .milliseconds(1200))
        let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<4 { group.addTask { try await Self.me(provider, session, transport).status } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(statuses == [200, 200, 200, 200])
        #expect(try await Providers.counters(provider, transport: transport)["refresh_token"] == 1)
    }

    @Test func aRejectedRefreshForgetsTheTokenAndSaysToLogInAgain() async throws {
        let provider = try Providers.oauth2()
        let transport = HTTPTransport()
        defer { Task { await transport.shutdown() } }
        let store = InMemorySecretStore()
        let session = try Self.session(Self.settings(provider), store: store, transport: transport)
        try await session.login(ScriptedInteraction(browserMode: "approve"))
        for path in ["/admin/revoke-access-tokens", "/admin/revoke-refresh-tokens"] {
            _ = try await transport.send(HTTPRequest(method: "POST", url: provider.baseURL + path), options: SendOptions())
        }
        let request = HTTPRequest(method: "GET", url: provider.baseURL + "/api/me")
        let response = try await transport.send(try await session.authorize(request), options: SendOptions())
        #expect(response.status == 401)
        do {
            _ = try await session.recover(from: response, for: request)
            Issue.record("a refresh with a revoked refresh token succeeded")
        } catch let error as AuthError {
            guard case .provider(let providerError) = error else { Issue.record("got \(error)"); return }
            #expect(providerError.code == "invalid_grant" && providerError.step == "token refresh")
        }
        #expect(!session.status.isReady)
        await #expect(throws: AuthError.notLoggedIn(profile: "provider", reason: "no OAuth 2 token")) {
            try await session.authorize(request)
        }
    }

    @Test func anHttpsRedirectIsPastedByThePerson() async throws {
        let provider = try Providers.oauth2()
        let transport = HTTPTransport()
        defer { Task { await transport.shutdown() } }
        let session = try Self.session(
            Self.settings(provider, ["redirect_uri": "https://app.example/callback"]), store: InMemorySecretStore(),
            transport: transport)
        // The person approves in a browser, lands on an https page nobody serves and copies its URL.
        let interaction = ScriptedInteraction(browserMode: nil) { prompt, opened in
            guard prompt.contains("Paste the URL"), let opened else { return nil }
            let approval = HTTPRequest(method: "POST", url: opened, body: .form([FormField(name: "confirm", value: "yes")]))
            return try? await transport.send(approval, options: SendOptions(followRedirects: false)).headers["Location"]
        }
        try await session.login(interaction)
        #expect(try await Self.me(provider, session, transport).status == 200)
    }

    @Test func theListenerCanBeTurnedOffForRemoteMachines() async throws {
        let provider = try Providers.oauth2()
        let transport = HTTPTransport()
        defer { Task { await transport.shutdown() } }
        let session = try Self.session(
            Self.settings(provider, ["redirect_listener": "false"]), store: InMemorySecretStore(), transport: transport)
        let interaction = ScriptedInteraction(browserMode: nil) { prompt, opened in
            guard prompt.contains("Paste the URL"), let opened else { return nil }
            let approval = HTTPRequest(method: "POST", url: opened, body: .form([FormField(name: "confirm", value: "yes")]))
            return try? await transport.send(approval, options: SendOptions(followRedirects: false)).headers["Location"]
        }
        try await session.login(interaction)
        #expect(try await Self.me(provider, session, transport).status == 200)
    }

    @Test(arguments: ["basic", "body"])
    func clientCredentialsNeedNoLogin(clientAuth: String) async throws {
        let provider = try Providers.oauth2()
        let transport = HTTPTransport()
        defer { Task { await transport.shutdown() } }
        let session = try Self.session(
            Self.settings(provider, ["grant": "client_credentials", "client_auth": clientAuth, "token_placement": "query"]),
            store: InMemorySecretStore(), transport: transport)
        #expect(session.status.isReady)
        #expect(try await Self.me(provider, session, transport).status == 200)
        #expect(try await Providers.counters(provider, transport: transport)["client_credentials"] == 1)
    }

    @Test func passwordGrant() async throws {
        let provider = try Providers.oauth2()
        let transport = HTTPTransport()
        defer { Task { await transport.shutdown() } }
        let session = try Self.session(
            Self.settings(provider, ["grant": "password", "username": "alice"]), store: InMemorySecretStore(),
            transport: transport)
        let interaction = ScriptedInteraction(browserMode: nil) { prompt, _ in
            prompt.contains("Password for alice") ? "wonderland" : nil
        }
        try await session.login(interaction)
        let response = try await Self.me(provider, session, transport)
        #expect(response.status == 200 && response.text?.contains("alice") == true)
    }

    @Test func pkceCanBeTurnedOffForProvidersThatIgnoreIt() async throws {
        let provider = try Providers.oauth2()
        let transport = HTTPTransport()
        defer { Task { await transport.shutdown() } }
        let session = try Self.session(
            Self.settings(provider, ["client_id": "legacy-client", "client_secret": "legacy-secret-5678", "pkce": "false",
                                     "client_auth": "body"]),
            store: InMemorySecretStore(), transport: transport)
        let interaction = ScriptedInteraction(browserMode: "approve")
        try await session.login(interaction)
        #expect(interaction.opened.first?.contains("code_challenge") == false)
        #expect(try await Self.me(provider, session, transport).status == 200)
    }

    // MARK: Refusals: each a clear error and no token stored.

    static func refusal(_ settings: [String: String], browser: String?, provider: PeerServer) async throws -> AuthError {
        let transport = HTTPTransport()
        defer { Task { await transport.shutdown() } }
        let store = InMemorySecretStore()
        let session = try Self.session(settings, store: store, transport: transport)
        do {
            try await session.login(ScriptedInteraction(browserMode: browser))
            if settings["grant"] == "client_credentials" {
                _ = try await session.authorize(HTTPRequest(method: "GET", url: provider.baseURL + "/api/me"))
            }
        } catch let error as AuthError {
            #expect(try store.load("env/provider") == nil, "nothing stored after: \(error)")
            if settings["grant"] != "client_credentials" { #expect(!session.status.isReady) }
            return error
        }
        Issue.record("the flow succeeded although it should have been refused")
        return .cancelled("unexpected success")
    }

    @Test func tamperedStateIsRefused() async throws {
        let provider = try Providers.oauth2()
        let error = try await Self.refusal(Self.settings(provider), browser: "tamper-state", provider: provider)
        #expect(error == .stateMismatch)
        #expect(error.description.contains("state does not match"))
    }

    @Test func deniedConsentIsReported() async throws {
        let provider = try Providers.oauth2()
        let error = try await Self.refusal(Self.settings(provider), browser: "deny", provider: provider)
        guard case .denied(let detail) = error else { Issue.record("got \(error)"); return }
        #expect(detail.contains("access_denied"))
    }

    @Test func expiredCodeIsReported() async throws {
        let provider = try Providers.oauth2(codeLifetime: 0)
        let error = try await Self.refusal(Self.settings(provider), browser: "approve", provider: provider)
        guard case .provider(let providerError) = error else { Issue.record("got \(error)"); return }
        #expect(providerError.code == "invalid_grant" && providerError.status == 400)
        #expect(error.description.contains("log in again"))
    }

    @Test func invalidClientIsReported() async throws {
        let provider = try Providers.oauth2()
        let settings = Self.settings(provider, ["grant": "client_credentials", "client_secret": "wrong"])
        let error = try await Self.refusal(settings, browser: nil, provider: provider)
        guard case .provider(let providerError) = error else { Issue.record("got \(error)"); return }
        #expect(providerError.code == "invalid_client")
        #expect(error.description.contains("check client_id and client_secret"))
    }

    @Test func aRedirectThatNeverComesTimesOut() async throws {
        let provider = try Providers.oauth2()
        let error = try await Self.refusal(Self.settings(provider, ["timeout": "1"]), browser: nil, provider: provider)
        #expect(error == .timedOut(seconds: 1))
        #expect(error.description == "no redirect arrived within 1 s; run the login again")
    }

    @Test func busyListenerPortIsReportedBeforeTheBrowserOpens() async throws {
        let provider = try Providers.oauth2()
        let interaction = ScriptedInteraction(browserMode: "approve")
        let transport = HTTPTransport()
        defer { Task { await transport.shutdown() } }
        let session = try Self.session(Self.settings(provider, redirectPort: provider.port), store: InMemorySecretStore(),
                                       transport: transport)
        await #expect(throws: AuthError.listenerPortBusy(port: provider.port)) {
            try await session.login(interaction)
        }
        #expect(interaction.opened.isEmpty)
    }
}

import Auth
import Foundation
import HTTPExchange
import Testing
import TestSupport
import Transport

/// OAuth 1.0a against an oauthlib provider: the three-legged login, then signed requests.
@Suite(.serialized) struct OAuth1InteropTests {
    static func settings(_ provider: PeerServer, _ extra: [String: String] = [:]) -> [String: String] {
        [
            "type": "oauth1", "consumer_key": "apishconsumerkey0001", "consumer_secret": "consumer-secret-~!*",
            "request_token_url": provider.baseURL + "/request_token", "authorize_url": provider.baseURL + "/authorize",
            "access_token_url": provider.baseURL + "/access_token",
            "callback": "http://127.0.0.1:\(FreePort.next())/callback", "timeout": "20",
        ].merging(extra) { $1 }
    }

    static func session(_ settings: [String: String], store: InMemorySecretStore, transport: HTTPTransport,
                        trace: AuthTrace? = nil) throws -> AuthSession {
        AuthSession(profile: try AuthProfile(name: "legacy", settings: settings), storeKey: "env/legacy", store: store,
                    sender: transport, trace: trace)
    }

    static func echoed(_ response: HTTPResponse, _ key: String) throws -> [[String]] {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any])
        return try #require(object[key] as? [[String]])
    }

    @Test(arguments: [("HMAC-SHA1", "header"), ("HMAC-SHA256", "query"), ("HMAC-SHA512", "body"), ("PLAINTEXT", "header")])
    func threeLeggedLoginThenSignedGetAndFormPost(method: String, placement: String) async throws {
        let provider = try Providers.oauth1()
        let transport = HTTPTransport()
        defer { Task { await transport.shutdown() } }
        let lines = TraceLines()
        let store = InMemorySecretStore()
        let session = try Self.session(
            Self.settings(provider, ["signature_method": method, "placement": placement]), store: store,
            transport: transport, trace: lines.trace())
        #expect(!session.status.isReady)
        try await session.login(ScriptedInteraction(browserMode: "approve"))
        #expect(session.status.isReady)

        // Encoded strictly: a URL with raw brackets reaches the wire with every `%` encoded again, because
        // Foundation's URL re-encodes a string it finds invalid (reported for the transport).
        let query = [("where[0][col]", "email"), ("where[0][val]", "%mayank%"), ("empty", "")]
            .map { OAuthPercentEncoding.encode($0.0) + "=" + OAuthPercentEncoding.encode($0.1) }.joined(separator: "&")
        let url = provider.baseURL + "/api/contacts?" + query
        let get = try await transport.send(
            try await session.authorize(HTTPRequest(method: "GET", url: url)), options: SendOptions())
        #expect(get.status == 200, "\(get.text ?? "")")
        if get.status == 200 {
            let query = try Self.echoed(get, "query").filter { !$0[0].hasPrefix("oauth_") }
            #expect(query == [["where[0][col]", "email"], ["where[0][val]", "%mayank%"], ["empty", ""]])
        }

        let form = HTTPRequest(
            method: "POST", url: provider.baseURL + "/api/contacts",
            body: .form([FormField(name: "firstname", value: "Ada + Byron*~"), FormField(name: "tags[]", value: "é"),
                         FormField(name: "tags[]", value: "b")]))
        let post = try await transport.send(try await session.authorize(form), options: SendOptions())
        #expect(post.status == 200, "\(post.text ?? "")")
        if post.status == 200 {
            let fields = try Self.echoed(post, "form").filter { !$0[0].hasPrefix("oauth_") }
            #expect(fields == [["firstname", "Ada + Byron*~"], ["tags[]", "é"], ["tags[]", "b"]])
        }
        let trace = lines.text
        #expect(trace.contains("base string: POST&http%3A%2F%2F127.0.0.1"))
        #expect(trace.contains("key: enc(consumer_secret)&enc(token_secret)"))
        #expect(!trace.contains("consumer-secret"))
        let stored = try #require(try store.load("env/legacy"))
        let credentials = try #require(try JSONSerialization.jsonObject(with: Data(stored)) as? [String: Any])
        let token = try #require(credentials["oauth1"] as? [String: String])
        #expect(token["token"].map { !trace.contains($0) } == true, "the access token is masked")
        #expect(token["secret"].map { !trace.contains($0) } == true, "the token secret is masked")
        #expect(!trace.contains("oauth_verifier=") || trace.contains("oauth_verifier=••••••"))
    }

    @Test func jsonBodiesAreSentButNotSigned() async throws {
        let provider = try Providers.oauth1()
        let transport = HTTPTransport()
        defer { Task { await transport.shutdown() } }
        let session = try Self.session(Self.settings(provider), store: InMemorySecretStore(), transport: transport)
        try await session.login(ScriptedInteraction(browserMode: "approve"))
        let request = HTTPRequest(
            method: "POST", url: provider.baseURL + "/api/contacts", headers: ["Content-Type": "application/json"],
            body: .bytes(Array(#"{"email":"a@b.c"}"#.utf8)))
        #expect(try await transport.send(try await session.authorize(request), options: SendOptions()).status == 200)
    }

    @Test func outOfBandLoginWithATypedVerifier() async throws {
        let provider = try Providers.oauth1()
        let transport = HTTPTransport()
        defer { Task { await transport.shutdown() } }
        let store = InMemorySecretStore()
        let session = try Self.session(Self.settings(provider, ["callback": "oob"]), store: store, transport: transport)
        // The person approves in the browser and copies the verifier the provider shows.
        let interaction = ScriptedInteraction(browserMode: nil) { prompt, opened in
            guard prompt.contains("Verifier"), let opened else { return nil }
            let approval = HTTPRequest(method: "POST", url: opened, body: .form([FormField(name: "confirm", value: "yes")]))
            let page = try? await transport.send(approval, options: SendOptions(followRedirects: false))
            return PercentEncoding.decodePairs(page?.text ?? "").first { $0.0 == "oauth_verifier" }?.1
        }
        try await session.login(interaction)
        let response = try await transport.send(
            try await session.authorize(HTTPRequest(method: "GET", url: provider.baseURL + "/api/contacts")),
            options: SendOptions())
        #expect(response.status == 200)
    }

    // MARK: Refusals: each a clear error and no token stored.

    static func refusal(_ settings: [String: String], browser: String) async throws -> AuthError {
        let transport = HTTPTransport()
        defer { Task { await transport.shutdown() } }
        let store = InMemorySecretStore()
        let session = try Self.session(settings, store: store, transport: transport)
        do {
            try await session.login(ScriptedInteraction(browserMode: browser))
        } catch let error as AuthError {
            #expect(try store.load("env/legacy") == nil, "nothing stored after: \(error)")
            #expect(!session.status.isReady)
            return error
        }
        Issue.record("the login succeeded although it should have been refused")
        return .cancelled("unexpected success")
    }

    @Test func callbackWithAnotherTokenIsRefused() async throws {
        let provider = try Providers.oauth1()
        #expect(try await Self.refusal(Self.settings(provider), browser: "tamper-token") == .tokenMismatch)
    }

    @Test func deniedConsentIsReported() async throws {
        let provider = try Providers.oauth1()
        let error = try await Self.refusal(Self.settings(provider), browser: "deny")
        #expect(error == .denied("user_refused"))
    }

    @Test func badSignatureIsRefusedWith401() async throws {
        let provider = try Providers.oauth1()
        let error = try await Self.refusal(Self.settings(provider, ["consumer_secret": "wrong"]), browser: "approve")
        guard case .provider(let providerError) = error else { Issue.record("got \(error)"); return }
        #expect(providerError.status == 401 && providerError.step == "request token")
        #expect(error.description.contains("HTTP 401"))
    }

    @Test func requestsSignedWithAWrongTokenSecretGet401() async throws {
        let provider = try Providers.oauth1()
        let transport = HTTPTransport()
        defer { Task { await transport.shutdown() } }
        let session = try Self.session(
            Self.settings(provider, ["token": "notatokenoftheprovider", "token_secret": "x", "request_token_url": "",
                                     "authorize_url": "", "access_token_url": ""]),
            store: InMemorySecretStore(), transport: transport)
        let response = try await transport.send(
            try await session.authorize(HTTPRequest(method: "GET", url: provider.baseURL + "/api/contacts")),
            options: SendOptions())
        #expect(response.status == 401)
        #expect(try await session.recover(from: response, for: HTTPRequest(method: "GET", url: provider.baseURL)) == nil)
    }
}

import Auth
import HTTPExchange
import Testing
import TestSupport
import Transport

/// Basic and Bearer against httpbin.
@Suite struct BasicAndBearerInteropTests {
    @Test func basicWithAPasswordAskedAtLogin() async throws {
        let httpbin = try Providers.httpbin()
        let transport = HTTPTransport()
        defer { Task { await transport.shutdown() } }
        let store = InMemorySecretStore()
        let session = AuthSession(
            profile: try AuthProfile(name: "bin", settings: ["type": "basic", "username": "u"]), storeKey: "env/bin",
            store: store, sender: transport, trace: nil)
        let request = HTTPRequest(method: "GET", url: httpbin.baseURL + "/basic-auth/u/p")
        await #expect(throws: AuthError.notLoggedIn(profile: "bin", reason: "no password for u")) {
            try await session.authorize(request)
        }
        try await session.login(ScriptedInteraction(browserMode: nil) { prompt, _ in prompt.contains("Password for u") ? "p" : nil })
        #expect(try await transport.send(try await session.authorize(request), options: SendOptions()).status == 200)
        #expect(session.warning(for: request) == nil, "loopback needs no warning")

        try session.logout()
        #expect(try store.load("env/bin") == nil)
        await #expect(throws: AuthError.self) { try await session.authorize(request) }
    }

    @Test func basicWithAWrongPasswordIsRefused() async throws {
        let httpbin = try Providers.httpbin()
        let transport = HTTPTransport()
        defer { Task { await transport.shutdown() } }
        let session = AuthSession(
            profile: try AuthProfile(name: "bin", settings: ["type": "basic", "username": "u", "password": "wrong"]),
            storeKey: "env/bin", store: InMemorySecretStore(), sender: transport, trace: nil)
        let request = HTTPRequest(method: "GET", url: httpbin.baseURL + "/basic-auth/u/p")
        #expect(try await transport.send(try await session.authorize(request), options: SendOptions()).status == 401)
    }

    @Test func bearerTokenReachesHttpbin() async throws {
        let httpbin = try Providers.httpbin()
        let transport = HTTPTransport()
        defer { Task { await transport.shutdown() } }
        let session = AuthSession(
            profile: try AuthProfile(name: "bin", settings: ["type": "bearer", "token": "abc123"]), storeKey: "env/bin",
            store: InMemorySecretStore(), sender: transport, trace: nil)
        let response = try await transport.send(
            try await session.authorize(HTTPRequest(method: "GET", url: httpbin.baseURL + "/bearer")), options: SendOptions())
        #expect(response.status == 200)
        #expect(response.text?.contains("abc123") == true)
    }
}

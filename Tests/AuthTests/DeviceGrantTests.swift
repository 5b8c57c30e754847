import Foundation
import HTTPExchange
import JSON
import Synchronization
import Testing
@testable import Auth

/// The device grant's polling and discovery, against a scripted provider: every wait is recorded
/// instead of slept through, so `slow_down` is checked without waiting its five seconds.
@Suite struct DeviceGrantTests {
    /// Answers each request with the next scripted response and keeps what was asked.
    final class ScriptedProvider: HTTPSending {
        private let state: Mutex<(answers: [(Int, String)], requests: [HTTPRequest])>

        init(_ answers: [(Int, String)]) {
            state = Mutex((answers, []))
        }

        var requests: [HTTPRequest] { state.withLock { $0.requests } }

        func send(_ request: HTTPRequest, options: SendOptions) async throws -> HTTPResponse {
            let (status, body) = try state.withLock { state throws -> (Int, String) in
                state.requests.append(request)
                guard !state.answers.isEmpty else { throw AuthError.unexpectedResponse("unscripted request \(request.url)") }
                return state.answers.removeFirst()
            }
            return HTTPResponse(
                version: "HTTP/1.1", status: status, reason: "", headers: ["Content-Type": "application/json"],
                body: Array(body.utf8), url: request.url, elapsed: .zero)
        }
    }

    final class Waits: Sendable {
        private let values = Mutex<[Duration]>([])
        var all: [Duration] { values.withLock { $0 } }
        func record(_ duration: Duration) { values.withLock { $0.append(duration) } }
    }

    final class MovingClock: Sendable {
        private let current = Mutex(Date())
        var now: Date { current.withLock { $0 } }
        func advance(_ seconds: Double) { current.withLock { $0 = $0.addingTimeInterval(seconds) } }
    }

    static let deviceAnswer = (200, #"{"device_code":"dev-123","user_code":"WDJB-MJHT","verification_uri":"https://id.test/device","verification_uri_complete":"https://id.test/device?user_code=WDJB-MJHT","expires_in":600,"interval":2}"#)
    static let token = (200, #"{"access_token":"at-1","token_type":"Bearer","expires_in":3600,"refresh_token":"rt-1"}"#)

    static func error(_ code: String) -> (Int, String) { (400, #"{"error":"\#(code)"}"#) }

    static func settings(_ extra: [String: String] = [:]) throws -> OAuth2Settings {
        let profile = try AuthProfile(name: "device", settings: [
            "type": "oauth2", "grant": "device_code", "client_id": "tv", "token_url": "https://id.test/token",
            "device_authorization_url": "https://id.test/device_authorization", "scope": "openid",
        ].merging(extra) { $1 })
        guard case .oauth2(let settings) = profile.method else { throw AuthError.notApplicable("not oauth2") }
        return settings
    }

    static func grant(_ provider: ScriptedProvider, _ interaction: ScriptedInteraction, waits: Waits) throws -> DeviceCodeGrant {
        let settings = try settings()
        let narrate = TraceNarrator(nil, secrets: [])
        var grant = DeviceCodeGrant(
            settings: settings, client: OAuth2TokenClient(settings: settings, sender: provider, narrate: narrate),
            interaction: interaction, narrate: narrate)
        grant.sleep = { waits.record($0) }
        return grant
    }

    @Test func pollsAtTheServersIntervalAndSlowsDownByFiveSeconds() async throws {
        let provider = ScriptedProvider([
            Self.deviceAnswer, Self.error("authorization_pending"), Self.error("slow_down"), Self.error("authorization_pending"), Self.token,
        ])
        let interaction = ScriptedInteraction(browserMode: nil)
        let waits = Waits()
        let token = try await Self.grant(provider, interaction, waits: waits).run()
        #expect(token.accessToken == "at-1")
        #expect(token.refreshToken == "rt-1")
        #expect(waits.all == [.seconds(2), .seconds(2), .seconds(7), .seconds(7)])
        #expect(interaction.shown.first == "To log in, open https://id.test/device and enter the code WDJB-MJHT")
        #expect(interaction.opened == ["https://id.test/device?user_code=WDJB-MJHT"])
        let requests = provider.requests
        #expect(requests.first?.url == "https://id.test/device_authorization")
        #expect(requests.first?.body == .form([FormField(name: "scope", value: "openid"), FormField(name: "client_id", value: "tv")]))
        #expect(requests.dropFirst().allSatisfy {
            $0.url == "https://id.test/token" && $0.body == .form([
                FormField(name: "grant_type", value: "urn:ietf:params:oauth:grant-type:device_code"),
                FormField(name: "device_code", value: "dev-123"), FormField(name: "client_id", value: "tv"),
            ])
        })
    }

    @Test func aDeviceCodeIsACredentialWhereverItIsShown() {
        // It buys tokens until it expires, as an authorization code with its verifier does.
        #expect(CredentialNames.isCredentialParameter("device_code"))
        let answer: JSONValue = ["device_code": "dev-123", "user_code": "WDJB-MJHT"]
        let masked: JSONValue = ["device_code": .string(Redactor.mask), "user_code": "WDJB-MJHT"]
        #expect(Redactor(secrets: []).json(answer) == masked)
    }

    @Test func stopsOnDenialAndOnExpiry() async throws {
        let denied = try Self.grant(ScriptedProvider([Self.deviceAnswer, Self.error("access_denied")]), ScriptedInteraction(browserMode: nil), waits: Waits())
        await #expect(throws: AuthError.denied("the person declined the request for user code WDJB-MJHT")) { try await denied.run() }

        let expired = try Self.grant(ScriptedProvider([Self.deviceAnswer, Self.error("authorization_pending"), Self.error("expired_token")]),
                                     ScriptedInteraction(browserMode: nil), waits: Waits())
        await #expect(throws: AuthError.deviceCodeExpired(seconds: 600)) { try await expired.run() }
        #expect(AuthError.deviceCodeExpired(seconds: 600).description.contains("run the login again"))

        // `expires_in` elapsed on the client's own clock: no poll is sent after it.
        let provider = ScriptedProvider([Self.deviceAnswer])
        var late = try Self.grant(provider, ScriptedInteraction(browserMode: nil), waits: Waits())
        let clock = MovingClock()
        late.sleep = { duration in clock.advance(Double(duration.components.seconds) + 599) }
        late.now = { clock.now }
        await #expect(throws: AuthError.deviceCodeExpired(seconds: 600)) { try await late.run() }
        #expect(provider.requests.count == 1)
    }

    @Test func aProviderErrorAtTheDeviceEndpointIsShownAsTheProviders() async throws {
        let grant = try Self.grant(ScriptedProvider([(401, #"{"error":"invalid_client","error_description":"unknown client"}"#)]),
                                   ScriptedInteraction(browserMode: nil), waits: Waits())
        await #expect(throws: AuthError.provider(ProviderError(status: 401, code: "invalid_client", message: "unknown client",
                                                               step: "device authorization request"))) { try await grant.run() }
    }

    static let metadata = #"{"issuer":"https://id.test/tenant","authorization_endpoint":"https://id.test/authorize","token_endpoint":"https://id.test/token","device_authorization_endpoint":"https://id.test/device_authorization","jwks_uri":"https://id.test/jwks"}"#

    @Test func discoveryFillsTheEndpointsAndIsReadOncePerSession() async throws {
        let provider = ScriptedProvider([(404, "{}"), (200, Self.metadata), Self.token, Self.token])
        let lines = TraceLines()
        let session = AuthSession(
            profile: try AuthProfile(name: "svc", settings: [
                "type": "oauth2", "grant": "client_credentials", "issuer": "https://id.test/tenant", "client_id": "c",
            ]),
            storeKey: "e/svc", store: InMemorySecretStore(), sender: provider, trace: lines.trace())
        let first = try await session.authorize(HTTPRequest(method: "GET", url: "https://api.test/x"))
        #expect(first.headers["Authorization"] == "Bearer at-1")
        try session.logout()
        _ = try await session.authorize(HTTPRequest(method: "GET", url: "https://api.test/x"))
        #expect(provider.requests.map(\.url) == [
            "https://id.test/tenant/.well-known/openid-configuration",
            "https://id.test/.well-known/oauth-authorization-server/tenant",
            "https://id.test/token", "https://id.test/token",
        ])
        #expect(lines.text.contains("token_endpoint = https://id.test/token"))
        #expect(lines.text.contains("issuer matches"))
    }

    @Test func aDocumentForAnotherIssuerIsRefused() async throws {
        let provider = ScriptedProvider([(200, Self.metadata)])
        let session = AuthSession(
            profile: try AuthProfile(name: "svc", settings: [
                "type": "oauth2", "grant": "client_credentials", "issuer": "https://evil.test", "client_id": "c",
            ]),
            storeKey: "e/svc", store: InMemorySecretStore(), sender: provider, trace: nil)
        await #expect(throws: AuthError.unexpectedResponse(
            "discovery: https://evil.test/.well-known/openid-configuration names issuer https://id.test/tenant, not https://evil.test; its endpoints are not used (RFC 8414 §3.3)"
        )) { try await session.authorize(HTTPRequest(method: "GET", url: "https://api.test/x")) }
    }

    @Test func settingsNeedAnEndpointOrAnIssuer() throws {
        #expect(throws: AuthConfigurationError.self) {
            try AuthProfile(name: "d", settings: ["type": "oauth2", "grant": "device_code", "client_id": "c", "token_url": "https://id.test/t"])
        }
        let explained = AuthExplanation.steps(for: try AuthProfile(name: "d", settings: [
            "type": "oauth2", "grant": "device_code", "client_id": "c", "issuer": "https://id.test",
        ])).joined(separator: "\n")
        #expect(explained.contains("GET https://id.test/.well-known/openid-configuration, else GET https://id.test/.well-known/oauth-authorization-server"))
        #expect(explained.contains("slow_down adds 5 s"))
    }
}

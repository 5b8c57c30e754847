import Foundation
import HTTPExchange
import Synchronization
import Testing
@testable import Auth

/// Logins watched leg by leg: the stepper's pauses and reports, stopping with nothing stored, the
/// record `auth diagram` draws, and `auth refresh`.
@Suite struct AuthStepTests {
    /// Says yes (or no) to every pause and keeps what it was shown.
    final class ScriptedStepper: AuthStepping {
        let consents: Bool
        let revealsSecrets = false
        private let seen = Mutex<[String]>([])

        init(consents: Bool) { self.consents = consents }

        var lines: [String] { seen.withLock { $0 } }

        func pause(before leg: AuthLeg, number: Int, messages: [AuthFlowRecord.Message], derivations: [String]) async -> Bool {
            seen.withLock { $0.append("pause \(number) \(leg.rawValue): " + messages.map(\.label).joined(separator: " | ")) }
            seen.withLock { $0 += derivations.map { "derived " + $0 } }
            return consents
        }

        func announce(_ leg: AuthLeg, number: Int) {
            seen.withLock { $0.append("announce \(number) \(leg.rawValue)") }
        }

        func report(after leg: AuthLeg, number: Int, messages: [AuthFlowRecord.Message], next: String) {
            seen.withLock { $0.append("report \(number) \(leg.rawValue): " + messages.flatMap(\.details).joined(separator: " ") + " → " + next) }
        }
    }

    static let settings = [
        "type": "oauth2", "grant": "client_credentials", "token_url": "https://id.test/token", "client_id": "c1",
        "client_secret": "s3cret-client", "client_auth": "body",
    ]

    static func session(_ provider: DeviceGrantTests.ScriptedProvider, store: InMemorySecretStore = InMemorySecretStore()) throws -> AuthSession {
        AuthSession(profile: try AuthProfile(name: "p", settings: settings), storeKey: "e/p", store: store, sender: provider, trace: nil)
    }

    @Test func eachLegPausesBeforeItGoesAndReportsWhatCameBack() async throws {
        let provider = DeviceGrantTests.ScriptedProvider([(200, #"{"access_token":"tok-1","expires_in":60,"refresh_token":"ref-1"}"#)])
        let session = try Self.session(provider)
        let stepper = ScriptedStepper(consents: true)
        try await session.login(ScriptedInteraction(browserMode: nil), stepper: stepper)
        let lines = stepper.lines
        #expect(lines.first == "pause 1 clientCredentials: POST https://id.test/token")
        #expect(lines.contains { $0.hasPrefix("derived ") && $0.contains("client credentials grant") })
        #expect(lines.last == "report 1 clientCredentials: access_token=•••••• expires_in=60 refresh_token=•••••• → "
            + "access_token goes with every API request; expires_in says when apish renews it; refresh_token renews it (auth refresh).")
        #expect(!lines.joined().contains("s3cret-client") && !lines.joined().contains("tok-1"))
        let record = try #require(session.lastFlow)
        #expect(record.trigger == "auth login p")
        #expect(record.legs.map(\.title) == ["client credentials"])
        #expect(session.status.isReady)
    }

    @Test func refusingAPauseStopsTheLoginBeforeTheRequestWithNothingStored() async throws {
        let provider = DeviceGrantTests.ScriptedProvider([(200, #"{"access_token":"tok-1"}"#)])
        let store = InMemorySecretStore()
        let session = try Self.session(provider, store: store)
        await #expect {
            try await session.login(ScriptedInteraction(browserMode: nil), stepper: ScriptedStepper(consents: false))
        } throws: { error in
            "\(error)" == "login cancelled: stopped before step 1 (client credentials); nothing was stored"
        }
        #expect(provider.requests.isEmpty)
        #expect(try store.load("e/p") == nil)
        #expect(session.lastFlow == nil)
    }

    @Test func refreshNowTradesTheRefreshTokenAndKeepsItWhenNoNewOneComes() async throws {
        let provider = DeviceGrantTests.ScriptedProvider([
            (200, #"{"access_token":"tok-1","expires_in":3600,"refresh_token":"ref-1"}"#),
            (200, #"{"access_token":"tok-2","expires_in":3600}"#),
        ])
        let session = try Self.session(provider)
        try await session.login(ScriptedInteraction(browserMode: nil))
        let token = try await session.refreshNow()
        #expect(token.accessToken == "tok-2")
        #expect(token.refreshToken == "ref-1")
        guard case .form(let fields) = provider.requests.last?.body else { throw AuthError.unexpectedResponse("no form") }
        #expect(fields.prefix(2) == [FormField(name: "grant_type", value: "refresh_token"), FormField(name: "refresh_token", value: "ref-1")])
        let record = try #require(session.lastFlow)
        #expect(record.trigger == "auth refresh p")
        #expect(record.legs.map(\.title) == ["refresh"])
    }

    @Test func refreshNowWithoutARefreshTokenSaysSo() async throws {
        let session = try Self.session(DeviceGrantTests.ScriptedProvider([]))
        await #expect {
            _ = try await session.refreshNow()
        } throws: { error in
            "\(error)" == "auth profile 'p': no refresh token is stored; run `auth login`"
        }
    }

    @Test func requestsAreTakenForTheLegsTheyAre() throws {
        func form(_ fields: [(String, String)]) -> HTTPRequest {
            HTTPRequest(method: "POST", url: "https://id.test/x", body: .form(fields.map { FormField(name: $0.0, value: $0.1) }))
        }
        #expect(AuthLeg(sending: form([("grant_type", "authorization_code")])) == .codeExchange)
        #expect(AuthLeg(sending: form([("grant_type", "refresh_token")])) == .refresh)
        #expect(AuthLeg(sending: form([("grant_type", DeviceCodeGrant.grantType)])) == .devicePoll)
        #expect(AuthLeg(sending: form([("scope", "openid")])) == .deviceAuthorization)
        let signer = OAuth1RequestSigner(consumerKey: "k", consumerSecret: "s", placement: .query)
        let post = HTTPRequest(method: "POST", url: "https://id.test/oauth")
        let temporary = try signer.sign(post, token: nil, extra: [("oauth_callback", "oob")], nonce: "n", timestamp: 1).request
        let access = try signer.sign(post, token: OAuth1Token(token: "t", secret: "s"), extra: [("oauth_verifier", "v")], nonce: "n", timestamp: 1).request
        #expect(AuthLeg(sending: temporary) == .temporaryCredentials)
        #expect(AuthLeg(sending: access) == .tokenCredentials)
        #expect(AuthLeg(sending: HTTPRequest(method: "GET", url: "https://id.test/.well-known/openid-configuration")) == nil)
    }
}

import Auth
import Foundation
import JSON
import Testing
@testable import Sandbox

/// The device grant (RFC 8628) as the sandbox serves it, with a clock the tests move.
@Suite("OAuth 2 device authorization grant")
struct DeviceAuthorizationTests {
    let sandbox = SandboxHarness(configuration: SandboxConfiguration(deviceInterval: 2, deviceCodeTTL: 60))
    let client = "client_id=1_demo-oauth2-client&client_secret=demo-oauth2-secret"

    private func start(scope: String = "openid") async throws -> (deviceCode: String, userCode: String, body: JSONValue) {
        let response = await sandbox.send("POST", "/oauth/v2/device_authorization", form: "\(client)&scope=\(scope)", as: .none)
        #expect(response.status == 200, "\(response.bodyText)")
        let body = try response.json()
        return (try #require(body["device_code"]?.stringValue), try #require(body["user_code"]?.stringValue), body)
    }

    private func poll(_ deviceCode: String) async throws -> JSONValue {
        try await sandbox.send(
            "POST", "/oauth/v2/token",
            form: "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Adevice_code&device_code=\(deviceCode)&\(client)",
            as: .none).json()
    }

    private func decide(_ userCode: String, _ decision: String, password: String = "mautic") async -> SandboxResponse {
        await sandbox.send("POST", "/oauth/v2/device", form: "user_code=\(userCode)&username=admin&password=\(password)&\(decision)=1", as: .none)
    }

    @Test func theAuthorizationResponseSaysWhereToGoAndHowOftenToPoll() async throws {
        let (_, userCode, body) = try await start()
        #expect(body.objectValue?.keys == ["device_code", "user_code", "verification_uri", "verification_uri_complete", "expires_in", "interval"])
        #expect(userCode.count == 9 && userCode.dropFirst(4).first == "-")
        #expect(userCode.allSatisfy { "BCDFGHJKLMNPQRSTVWXZ-".contains($0) })
        #expect(body["verification_uri"] == "http://sandbox.test/oauth/v2/device")
        #expect(body["verification_uri_complete"] == .string("http://sandbox.test/oauth/v2/device?user_code=\(userCode)"))
        #expect(body["expires_in"] == 60)
        #expect(body["interval"] == 2)
        let page = await sandbox.send("GET", "/oauth/v2/device?user_code=\(userCode)", as: .none)
        #expect(page.status == 200)
        #expect(page.bodyText.contains(#"name="user_code" value="\#(userCode)""#))
    }

    @Test func approvedAfterPendingAndSlowDown() async throws {
        let (deviceCode, userCode, _) = try await start()
        #expect(try await poll(deviceCode)["error"] == "authorization_pending")
        sandbox.clock.advance(1)
        let tooSoon = try await poll(deviceCode)
        #expect(tooSoon["error"] == "slow_down")
        sandbox.clock.advance(2)
        #expect(try await poll(deviceCode)["error"] == "slow_down", "the interval is now 7 s, and grows to 12 s")
        sandbox.clock.advance(12)
        #expect(try await poll(deviceCode)["error"] == "authorization_pending")

        // The code is typed loosely: lower case, without the dash.
        let approved = await decide(userCode.lowercased().replacingOccurrences(of: "-", with: ""), "approve")
        #expect(approved.status == 200)
        #expect(approved.bodyText.contains("Device approved"))
        sandbox.clock.advance(12)
        let tokens = try await poll(deviceCode)
        let access = try JSONWebToken(compact: try #require(tokens["access_token"]?.stringValue))
        #expect(access.claims["sub"] == "1")
        #expect(tokens["refresh_token"]?.stringValue != nil)
        #expect(tokens["id_token"]?.stringValue != nil, "scope openid")
        sandbox.clock.advance(12)
        #expect(try await poll(deviceCode)["error"] == "invalid_grant", "a device code is redeemed once")
    }

    @Test func deniedAndExpired() async throws {
        let (deviceCode, userCode, _) = try await start()
        let denied = await decide(userCode, "deny")
        #expect(denied.bodyText.contains("Request denied"))
        #expect(try await poll(deviceCode)["error"] == "access_denied")

        let (lateCode, lateUser, _) = try await start()
        sandbox.clock.advance(61)
        #expect(try await poll(lateCode)["error"] == "expired_token")
        let page = await decide(lateUser, "approve")
        #expect(page.status == 400)
        #expect(page.bodyText.contains("Unknown or expired code"))
    }

    @Test func thePageRefusesWrongPasswordsAndEscapesWhatItShows() async throws {
        let (_, userCode, _) = try await start()
        let wrong = await decide(userCode, "approve", password: "nope")
        #expect(wrong.status == 401)
        #expect(wrong.bodyText.contains("Invalid username or password."))
        let hostile = await sandbox.send("GET", "/oauth/v2/device?user_code=%22%3E%3Cscript%3Ex%3C%2Fscript%3E", as: .none)
        #expect(!hostile.bodyText.contains("<script>"))
        #expect(hostile.bodyText.contains("&quot;&gt;&lt;script&gt;"))
    }

    @Test func onlyClientsAllowedTheGrantGetCodes() async throws {
        let service = await sandbox.send(
            "POST", "/oauth/v2/device_authorization", form: "client_id=2_demo-service-client&client_secret=demo-service-secret", as: .none)
        #expect(service.status == 400)
        #expect(try service.json()["error"] == "unauthorized_client")
        let wrongSecret = await sandbox.send(
            "POST", "/oauth/v2/device_authorization", form: "client_id=1_demo-oauth2-client&client_secret=nope", as: .none)
        #expect(wrongSecret.status == 400)
        #expect(try wrongSecret.mauticError().type == "invalid_client")
    }
}

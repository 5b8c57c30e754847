import Auth
import Foundation
import HTTPExchange
import JSON
import Sandbox
import Synchronization
import Testing
import TestSupport
import Transport

/// apish's device grant and discovery against a running sandbox, and an independent device client
/// (oauthlib, PyJWT) against the same endpoints. Polls wait the sandbox's one-second interval.
@Suite("Device grant and discovery against a running sandbox", .serialized)
struct DeviceLoginTests {
    /// The person with a second device: opens the verification URL and approves, denies, or does nothing.
    final class SecondDevice: AuthInteraction {
        let decision: String?
        let transport: HTTPTransport
        private let state = Mutex<(shown: [String], tasks: [Task<Void, Never>])>(([], []))

        init(decision: String?, transport: HTTPTransport) {
            self.decision = decision
            self.transport = transport
        }

        var shown: [String] { state.withLock { $0.shown } }

        func show(_ line: String) { state.withLock { $0.shown.append(line) } }

        func openBrowser(_ url: String) {
            guard let decision, let components = URLComponents(string: url),
                let userCode = components.queryItems?.first(where: { $0.name == "user_code" })?.value
            else { return }
            let page = url.split(separator: "?")[0]
            let transport = transport
            let task = Task {
                _ = try? await transport.send(
                    HTTPRequest(method: "POST", url: String(page), body: .form([
                        FormField(name: "user_code", value: userCode), FormField(name: "username", value: "admin"),
                        FormField(name: "password", value: "mautic"), FormField(name: decision, value: "1"),
                    ])), options: SendOptions())
            }
            state.withLock { $0.tasks.append(task) }
        }

        func ask(_ prompt: String, secret: Bool) async -> String? { nil }
    }

    final class TraceCollector: Sendable {
        private let lines = Mutex<[String]>([])
        var text: String { lines.withLock { $0.joined(separator: "\n") } }
        func append(_ line: String) { lines.withLock { $0.append(line) } }
    }

    private func withSandbox(ttl: Int = 60, _ body: (String, HTTPTransport) async throws -> Void) async throws {
        let server = try SandboxServer(configuration: SandboxConfiguration(port: 0, deviceInterval: 1, deviceCodeTTL: ttl))
        let port = try await server.start()
        let transport = HTTPTransport()
        do {
            try await body("http://127.0.0.1:\(port)", transport)
        } catch {
            await transport.shutdown()
            await server.stop()
            throw error
        }
        await transport.shutdown()
        await server.stop()
    }

    private func session(_ base: String, _ transport: HTTPTransport, settings extra: [String: String] = [:], trace: AuthTrace? = nil) throws -> AuthSession {
        let settings = [
            "type": "oauth2", "grant": "device_code", "issuer": base, "client_id": "1_demo-oauth2-client",
            "client_secret": "demo-oauth2-secret", "client_auth": "body", "scope": "openid",
        ].merging(extra) { $1 }
        return AuthSession(profile: try AuthProfile(name: "device", settings: settings), storeKey: "e/device",
                           store: InMemorySecretStore(), sender: transport, trace: trace)
    }

    @Test func approvedThroughDiscoveryThenTokensReadAndVerified() async throws {
        try await withSandbox { base, transport in
            let lines = TraceCollector()
            let session = try session(base, transport, trace: AuthTrace { line in lines.append(line) })
            let device = SecondDevice(decision: "approve", transport: transport)
            try await session.login(device)
            #expect(device.shown.first?.hasPrefix("To log in, open \(base)/oauth/v2/device and enter the code ") == true)
            let trace = lines.text
            #expect(trace.contains("1. GET \(base)/.well-known/openid-configuration"))
            #expect(trace.contains("device_authorization_endpoint = \(base)/oauth/v2/device_authorization"))
            #expect(trace.contains("  ← HTTP 200: {\"access_token\":\"••••••\""), "a JWT longer than the trace shows is masked whole")
            for secret in session.secretValues {
                #expect(!trace.contains(secret), "the trace never shows a token or the client secret")
            }

            let me = try await session.authorize(HTTPRequest(method: "GET", url: base + "/api/users/self"))
            let answer = try await transport.send(me, options: SendOptions())
            #expect(answer.status == 200)

            let report = await session.tokenReport()
            let text = report.joined(separator: "\n")
            #expect(report.first == "access token: ••••••   type bearer")
            #expect(text.contains("refresh token: present (••••••)"))
            #expect(text.contains("the access token is a JWT (RS256):"))
            #expect(text.contains("the ID token is a JWT (RS256):"))
            #expect(text.components(separatedBy: "  signature verified (RS256, key ").count == 3, "\(text)")
            #expect(report.contains { $0.hasPrefix("expires: ") && $0.contains(" (in ") }, "\(text)")
            #expect(text.contains("  status: valid, expires in "))
            for secret in session.secretValues where secret.count > 8 {
                #expect(!text.contains(secret), "a token never shows in the report")
            }
        }
    }

    @Test func deniedStopsTheLoginAndStoresNothing() async throws {
        try await withSandbox { base, transport in
            let session = try session(base, transport)
            do {
                try await session.login(SecondDevice(decision: "deny", transport: transport))
                Issue.record("the login succeeded")
            } catch let error as AuthError {
                guard case .denied = error else { Issue.record("got \(error)"); return }
            }
            #expect(await session.tokenReport() == ["no token: auth login"])
        }
    }

    @Test func anUnansweredCodeExpires() async throws {
        try await withSandbox(ttl: 2) { base, transport in
            let session = try session(base, transport)
            await #expect(throws: AuthError.deviceCodeExpired(seconds: 2)) {
                try await session.login(SecondDevice(decision: nil, transport: transport))
            }
        }
    }

    @Test(arguments: ["approve", "deny"])
    func oauthlibsDeviceClientAndPyJWTAgree(decision: String) async throws {
        try await withSandbox { base, _ in
            let script = PackagePaths.root.appendingPathComponent("Tests/SandboxTests/peers/device_flow.py").path
            let result = try await runCommand(["python3", script, base, "1_demo-oauth2-client", "demo-oauth2-secret", "admin", "mautic", decision])
            if result.status == 3 { Issue.record("device_flow.py needs a Python module: \(result.stderr)") }
            #expect(result.status == 0, "\(result.stderr.suffix(2000))")
            let report = try JSONValue.parse(result.stdout)
            #expect(report["issuer"] == .string(base))
            #expect(report["page_status"] == 200)
            if decision == "approve" {
                #expect(report["errors"] == [])
                #expect(report["access_sub"] == "1")
                #expect(report["access_iss"] == .string(base))
                #expect(report["id_aud"] == "1_demo-oauth2-client")
                #expect(report["tampered_rejected"] == true)
                #expect(report["me_username"] == "admin")
            } else {
                #expect(report["errors"] == ["access_denied"])
                #expect(report["access_sub"] == nil)
            }
        }
    }
}

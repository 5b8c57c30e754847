import Foundation
import JSON
import Sandbox
import Testing
import TestSupport

/// The sandbox on a real socket, driven by clients that share no code with it: curl and requests-oauthlib.
@Suite("Independent clients against a running sandbox", .serialized)
struct PeerClientTests {
    static let peers = PackagePaths.root.appendingPathComponent("Tests/SandboxTests/peers")

    private func withServer(_ body: (String) async throws -> Void) async throws {
        let server = try SandboxServer(configuration: SandboxConfiguration(port: 0))
        let port = try await server.start()
        do {
            try await body("http://127.0.0.1:\(port)")
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }

    /// Runs a peer script; a missing Python module is a failure with the script's message, never a skip.
    private func runPeer(_ script: String, _ arguments: [String]) async throws -> JSONValue {
        let result = try await runCommand(["python3", Self.peers.appendingPathComponent(script).path] + arguments)
        if result.status == 3 {
            Issue.record("\(script) needs a Python module: \(result.stderr)")
        }
        guard result.status == 0 else {
            throw HarnessError(message: "\(script) exited \(result.status): \(result.stderr.suffix(3000))")
        }
        return try JSONValue.parse(result.stdout)
    }

    @Test func curlWithBasicAuth() async throws {
        try await withServer { base in
            let ok = try await runCommand(["curl", "-sS", "-u", "admin:mautic", "-i", "\(base)/api/contacts?limit=1"])
            #expect(ok.status == 0, "curl is needed for this test: \(ok.stderr)")
            #expect(ok.stdout.hasPrefix("HTTP/1.1 200"))
            #expect(ok.stdout.lowercased().contains("mautic-version:"))
            #expect(ok.stdout.contains(#"{"total":"5","contacts":{"1":{"#))
            let denied = try await runCommand(["curl", "-sS", "-u", "admin:wrong", "\(base)/api/contacts"])
            #expect(denied.stdout == #"{"errors":[{"message":"Authorization denied, invalid credentials.","code":401,"type":"access_denied"}]}"#)
            let created = try await runCommand([
                "curl", "-sS", "-u", "admin:mautic", "-o", "/dev/null", "-w", "%{http_code}",
                "-d", "firstname=Curl&email=curl@example.com", "\(base)/api/contacts/new",
            ])
            #expect(created.stdout == "201")
        }
    }

    @Test func requestsOAuthlibCompletesOAuth1() async throws {
        try await withServer { base in
            let report = try await runPeer("oauth1_flow.py", [base, "demo-oauth1-key", "demo-oauth1-secret", "admin", "mautic"])
            #expect(report["authorize_page"] == .number(JSONNumber(200)))
            #expect(report["consent_status"] == .number(JSONNumber(302)))
            #expect(report["callback_matches"] == .bool(true))
            #expect(report["same_token"] == .bool(true))
            #expect(report["list_status"] == .number(JSONNumber(200)), "\(report)")
            #expect(report["list_total"] == .string("1"))
            #expect(report["query_status"] == .number(JSONNumber(200)), "signature in the query: \(report)")
            #expect(report["query_username"] == .string("admin"))
            #expect(report["body_status"] == .number(JSONNumber(201)), "signature in a form body: \(report)")
        }
    }

    @Test(arguments: ["pkce", "plain"])
    func requestsOAuthlibCompletesOAuth2CodeFlow(mode: String) async throws {
        try await withServer { base in
            let report = try await runPeer("oauth2_flow.py", [base, "1_demo-oauth2-client", "demo-oauth2-secret", "sales", "sales", mode])
            #expect(report["sent_challenge"] == .bool(mode == "pkce"))
            #expect(report["consent_status"] == .number(JSONNumber(302)))
            #expect(report["state_echoed"] == .bool(true))
            #expect(report["token_type"] == .string("bearer"))
            #expect(report["me_username"] == .string("sales"), "\(report)")
            #expect(report["rotated"] == .bool(true))
            #expect(report["contacts_status"] == .number(JSONNumber(200)))
            #expect(report["reuse_status"] == .number(JSONNumber(400)))
            #expect(report["reuse_type"] == .string("invalid_grant"))
        }
    }
}

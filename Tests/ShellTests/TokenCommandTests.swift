import Foundation
import JSON
import Sandbox
import TestSupport
import Testing

/// `jwt decode` (shell and command line) and `auth token`, run as a person runs them, on the sandbox's tokens.
@Suite("jwt decode and auth token", .serialized)
struct TokenCommandTests {
    let fixture: ShellFixture

    init() throws {
        fixture = try ShellFixture()
    }

    /// Runs `body` with the base URL of a sandbox on a free port, stopped afterwards whatever happens.
    private func withSandbox(
        _ configuration: SandboxConfiguration = SandboxConfiguration(port: 0), _ body: (String) async throws -> Void
    ) async throws {
        let server = try SandboxServer(configuration: configuration)
        let base = "http://127.0.0.1:\(try await server.start())"
        var failure: (any Error)?
        do { try await body(base) } catch { failure = error }
        await server.stop()
        if let failure { throw failure }
    }

    /// `environments/local.env` with one OAuth 2 profile, the environment's default, that finds its
    /// endpoints through the sandbox's metadata; its client secret comes from `$CLIENT_SECRET`.
    private func writeProfile(_ name: String, base: String, grant: String, clientID: String, extra: String) throws {
        try fixture.write("""
            baseUrl = \(base)
            auth = \(name)
            [auth \(name)]
            type = oauth2
            grant = \(grant)
            issuer = {{baseUrl}}
            client_id = \(clientID)
            secret client_secret = $CLIENT_SECRET
            \(extra)

            """, to: "environments/local.env")
    }

    /// A client-credentials access token, fetched with curl so that apish has no part in it.
    private func serviceToken(_ base: String) throws -> String {
        let result = try Command.run(URL(fileURLWithPath: "/usr/bin/env"), [
            "curl", "-sS", "-d", "grant_type=client_credentials", "-d", "client_id=2_demo-service-client",
            "-d", "client_secret=demo-service-secret", base + "/oauth/v2/token",
        ])
        #expect(result.status == 0, "curl is needed for this test: \(result.stderr)")
        return try #require(try JSONValue.parse(result.stdout)["access_token"]?.stringValue)
    }

    @Test func theCommandLineDecodesVerifiesAndRefusesTamperedTokens() async throws {
        try await withSandbox { base in
            let token = try serviceToken(base)
            let signature = String(token.split(separator: ".")[2])

            let verified = try fixture.apish(["jwt", "decode", token, "--jwks", base + "/oauth/v2/jwks"])
            #expect(verified.status == 0, "\(verified.stderr)")
            let lines = verified.stdout.split(separator: "\n").map(String.init)
            #expect(lines.first == "header")
            #expect(lines.contains(#"  alg  "RS256""#))
            #expect(lines.contains(#"  client_id  "2_demo-service-client""#))
            #expect(lines.contains { $0.hasPrefix("  exp        ") && $0.contains(" (in ") })
            #expect(lines.contains { $0.hasPrefix("status: valid, expires in ") })
            #expect(lines.last?.hasPrefix("signature verified (RS256, key ") == true)
            #expect(!verified.stdout.contains(signature) && !verified.stdout.contains(token))

            let fromStdin = try fixture.apish(["jwt", "decode", "-"], stdin: token + "\n")
            #expect(fromStdin.status == 0, "\(fromStdin.stderr)")
            #expect(fromStdin.stdout.contains("signature not checked: no key set"))

            var parts = token.split(separator: ".").map(String.init)
            let claimBytes = try #require(Base64Helper.decode(parts[1]))
            var claims = try #require(try JSONValue.parse(Array(claimBytes)).objectValue)
            claims["sub"] = "2"
            parts[1] = Base64Helper.encode(JSONValue.object(claims).serializedBytes())
            let tampered = try fixture.apish(["jwt", "decode", parts.joined(separator: "."), "--jwks", base + "/oauth/v2/jwks"])
            #expect(tampered.status == 4)
            #expect(tampered.stdout.contains("signature INVALID"))
            #expect(tampered.stdout.contains(#"  sub        "2""#))

            let garbage = try fixture.apish(["jwt", "decode", "not-a-token"])
            #expect(garbage.status == 1)
            #expect(garbage.stderr == "apish jwt decode: not a JWT: a JWT has three parts separated by dots (header.claims.signature), this text has 1\n")
            let unreachable = try fixture.apish(["jwt", "decode", token, "--jwks", "/nonexistent/keys.json"])
            #expect(unreachable.status == 3)
            #expect(unreachable.stderr == "apish jwt decode: not a JWKS document: cannot read /nonexistent/keys.json\n")
        }
    }

    @Test func theShellShowsTheProfilesTokensDecodedAndMasked() async throws {
        try await withSandbox { base in
            try writeProfile("svc", base: base, grant: "client_credentials", clientID: "2_demo-service-client", extra: "client_auth = body")
            let result = try fixture.apish(
                ["--env", "local", "-c", "GET /api/users/self", "-c", "auth token", "-c", "auth explain"],
                environment: ["CLIENT_SECRET": "demo-service-secret"])
            #expect(result.status == 0, "\(result.stderr)")
            let out = result.stdout
            #expect(out.contains("svc — oauth2 client_credentials\n  access token: ••••••   type bearer\n"))
            #expect(out.contains("  refresh token: none\n"))
            #expect(out.contains("  the access token is a JWT (RS256):\n    header\n"))
            #expect(out.contains(#"      iss        "\#(base)""#))
            #expect(out.contains("    signature verified (RS256, key "))
            #expect(out.contains("1. Discover the provider: GET \(base)/.well-known/openid-configuration"))
            #expect(!out.contains("demo-service-secret"))
        }
    }

    @Test func aDeviceLoginThroughDiscoveryFromTheShell() async throws {
        try await withSandbox(SandboxConfiguration(port: 0, deviceInterval: 1)) { base in
            try writeProfile("device", base: base, grant: "device_code", clientID: "1_demo-oauth2-client", extra: "scope = openid")
            let browser = PackagePaths.root.appendingPathComponent("Tests/ShellTests/peers/device_browser.sh").path
            let result = try fixture.apish(
                ["--env", "local", "-c", "auth login device", "-c", "auth token device"],
                environment: ["CLIENT_SECRET": "demo-oauth2-secret", "BROWSER": "sh \(browser)"])
            #expect(result.status == 0, "\(result.stderr)")
            let out = result.stdout
            #expect(out.contains("To log in, open \(base)/oauth/v2/device and enter the code "), "\(out)")
            #expect(out.contains("(or open \(base)/oauth/v2/device?user_code="))
            #expect(out.contains("logged in: access token valid until "))
            #expect(out.contains("  the ID token is a JWT (RS256):"))
            #expect(out.contains("\n    aud: contains this profile's client_id 1_demo-oauth2-client ✓\n"))
            #expect(out.contains("\n    nonce: none sent at login, none returned\n"))
            #expect(out.components(separatedBy: "signature verified (RS256").count == 3)
            #expect(!out.contains("demo-oauth2-secret"))
        }
    }

    @Test func anOpenIDCodeLoginSendsANonceThatTheIDTokenBringsBack() async throws {
        try await withSandbox { base in
            try writeProfile("web", base: base, grant: "authorization_code", clientID: "1_demo-oauth2-client", extra: """
                scope = openid
                redirect_uri = http://127.0.0.1:8765/callback
                client_auth = body
                """)
            let browser = "python3 " + PackagePaths.root.appendingPathComponent("Tests/ShellTests/peers/sandbox_browser.py").path
            let result = try fixture.apish(
                ["--env", "local", "-c", "auth login web", "-c", "auth token web"],
                environment: ["CLIENT_SECRET": "demo-oauth2-secret", "BROWSER": browser])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("\n    aud: contains this profile's client_id 1_demo-oauth2-client ✓\n"), "\(result.stdout)")
            #expect(result.stdout.contains("\n    nonce: matches the one sent at login ✓\n"))
        }
    }

    @Test func theShellDecodesAPastedTokenAndKeepsItOutOfTheHistory() async throws {
        try await withSandbox { base in
            let token = try serviceToken(base)
            let result = try fixture.apish(["-c", "jwt decode \(token) --jwks \(base)/oauth/v2/jwks"])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("signature verified (RS256"))
            #expect(!result.stdout.contains(token))
            let usage = try fixture.apish(["-c", "jwt verify x"])
            #expect(usage.status == 1)
            #expect(usage.stderr.contains("usage: jwt decode [TOKEN] [--jwks FILE|URL]"))
        }
    }
}

/// URL-safe Base64 for building a tampered token in the test itself.
enum Base64Helper {
    static func decode(_ text: String) -> Data? {
        var standard = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while standard.count % 4 != 0 { standard += "=" }
        return Data(base64Encoded: standard)
    }

    static func encode(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}

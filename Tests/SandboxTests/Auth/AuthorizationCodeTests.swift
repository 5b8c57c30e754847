import Auth
import Foundation
import JSON
import Testing
@testable import Sandbox

@Suite("OAuth 2 authorization code, PKCE and refresh")
struct AuthorizationCodeTests {
    let sandbox = SandboxHarness()
    let client = "client_id=1_demo-oauth2-client&client_secret=demo-oauth2-secret"
    let redirect = "http://127.0.0.1:9876/callback"

    private func authorize(extra: String = "", decision: String = "approve=1", password: String = "mautic") async -> SandboxResponse {
        let fields = "client_id=1_demo-oauth2-client&redirect_uri=\(FormEncoding.encode(redirect))&response_type=code&state=xyz"
            + extra + "&username=admin&password=\(password)&\(decision)"
        return await sandbox.send("POST", "/oauth/v2/authorize", form: fields, as: .none)
    }

    private func code(extra: String = "") async throws -> String {
        let response = await authorize(extra: extra)
        #expect(response.status == 302, "\(response.bodyText)")
        let location = try #require(response.header("Location"))
        let items = URLComponents(string: location)?.queryItems ?? []
        #expect(location.hasPrefix(redirect + "?state=xyz&code="))
        return try #require(items.first { $0.name == "code" }?.value)
    }

    private func exchange(_ code: String, extra: String = "") async -> SandboxResponse {
        await sandbox.send(
            "POST", "/oauth/v2/token",
            form: "grant_type=authorization_code&\(client)&code=\(code)&redirect_uri=\(FormEncoding.encode(redirect))\(extra)",
            as: .none)
    }

    @Test func authorizePageShowsALoginForm() async throws {
        let response = await sandbox.send(
            "GET", "/oauth/v2/authorize?client_id=1_demo-oauth2-client&redirect_uri=\(FormEncoding.encode(redirect))&response_type=code&state=s1",
            as: .none)
        #expect(response.status == 200)
        #expect(response.bodyText.contains(#"<form method="post" action="/oauth/v2/authorize">"#))
        #expect(response.bodyText.contains(#"name="state" value="s1""#))
    }

    @Test func authorizeRefusesBadClientsAndRedirects() async throws {
        let missing = await sandbox.send("GET", "/oauth/v2/authorize?client_id=1_demo-oauth2-client&response_type=code", as: .none)
        #expect(missing.status == 400)
        #expect(try missing.mauticError().type == "invalid_request")
        let elsewhere = await sandbox.send(
            "GET", "/oauth/v2/authorize?client_id=1_demo-oauth2-client&response_type=code&redirect_uri=http%3A%2F%2Fevil.example%2Fcb",
            as: .none)
        #expect(try elsewhere.mauticError().type == "redirect_uri_mismatch")
        let unknown = await sandbox.send("GET", "/oauth/v2/authorize?client_id=nobody&response_type=code", as: .none)
        #expect(try unknown.mauticError().type == "invalid_client")
    }

    @Test func wrongPasswordShowsTheFormAgainAndDenialRedirects() async throws {
        let wrong = await authorize(password: "nope")
        #expect(wrong.status == 200)
        #expect(wrong.bodyText.contains("Invalid username or password."))
        let denied = await authorize(decision: "deny=1")
        #expect(denied.status == 302)
        #expect(denied.header("Location")?.contains("error=access_denied") == true)
        #expect(denied.header("Location")?.contains("state=xyz") == true)
    }

    @Test func codeExchangeThenRefreshRotates() async throws {
        let tokens = try await exchange(code()).json()
        #expect(tokens.objectValue?.keys == ["access_token", "expires_in", "token_type", "scope", "refresh_token"])
        let access = try #require(tokens["access_token"]?.stringValue)
        let refresh = try #require(tokens["refresh_token"]?.stringValue)
        #expect(await sandbox.send("GET", "/api/users/self", as: .bearer(access)).status == 200)

        let refreshed = await sandbox.send("POST", "/oauth/v2/token", form: "grant_type=refresh_token&\(client)&refresh_token=\(refresh)", as: .none)
        #expect(refreshed.status == 200)
        let newRefresh = try #require(try refreshed.json()["refresh_token"]?.stringValue)
        #expect(newRefresh != refresh)
        let reused = await sandbox.send("POST", "/oauth/v2/token", form: "grant_type=refresh_token&\(client)&refresh_token=\(refresh)", as: .none)
        #expect(reused.status == 400)
        #expect(try reused.mauticError().type == "invalid_grant", "the old refresh token is deleted")
    }

    @Test func codesAreSingleUseAndExpireAfter30Seconds() async throws {
        let first = try await code()
        #expect(await exchange(first).status == 200)
        let again = await exchange(first)
        #expect(try again.mauticError().type == "invalid_grant")
        let late = try await code()
        sandbox.clock.advance(31)
        #expect(try await exchange(late).mauticError().message == "The authorization code has expired")
    }

    @Test func pkceS256IsHonoured() async throws {
        let verifier = PKCE.makeVerifier()
        let challenge = "&code_challenge=\(PKCE.challenge(for: verifier))&code_challenge_method=S256"
        let good = try await code(extra: challenge)
        #expect(await exchange(good, extra: "&code_verifier=\(verifier)").status == 200)
        let missing = try await code(extra: challenge)
        #expect(try await exchange(missing).mauticError().type == "invalid_grant")
        let wrong = try await code(extra: challenge)
        #expect(try await exchange(wrong, extra: "&code_verifier=\(PKCE.makeVerifier())").mauticError().type == "invalid_grant")
    }

    @Test(arguments: [
        ("http://127.0.0.1:5555/cb", "http://127.0.0.1", true),
        ("HTTP://127.0.0.1/CB", "http://127.0.0.1/cb", true),
        ("http://127.0.0.1.evil.example/cb", "http://127.0.0.1", false),
        ("http://app.example:8080/cb", "http://app.example/cb", false),
        ("http://app.example/cb/../admin", "http://app.example/cb", false),
        ("https://127.0.0.1/cb", "http://127.0.0.1", false),
    ])
    func redirectURIMatching(candidate: String, registered: String, expected: Bool) {
        #expect(RedirectURIMatcher.matches(candidate, registered: registered) == expected)
    }
}

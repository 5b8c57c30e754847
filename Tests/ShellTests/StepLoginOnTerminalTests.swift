import Foundation
import TestSupport
import Testing

/// `auth login --step` at a terminal, in `apish demo` (the sandbox in-process), answered key by key the
/// way a learner does: Enter to send, `?` to see a derivation, `q` to stop.
@Suite(.serialized) final class StepLoginOnTerminalTests {
    let fixture: ShellFixture

    init() throws {
        fixture = try ShellFixture()
    }

    func startDemo() throws -> PseudoTerminal {
        var environment = fixture.environment
        environment["BROWSER"] = "python3 " + PackagePaths.root.appendingPathComponent("Tests/ShellTests/peers/sandbox_browser.py").path
        let terminal = try PseudoTerminal(
            executable: PackagePaths.apishBinary, arguments: ["demo", "--port", "0"], environment: environment, columns: 200)
        try prompt(terminal)
        return terminal
    }

    func prompt(_ terminal: PseudoTerminal) throws {
        try terminal.waitFor("]> ", timeout: 30)
        try terminal.waitForKeyReading()
    }

    /// Waits for each of `lines`, in the order they are printed.
    func see(_ terminal: PseudoTerminal, _ lines: [String]) throws {
        for line in lines { try terminal.waitFor(line) }
    }

    /// Waits for a step's question, then answers it with one key.
    func answer(_ terminal: PseudoTerminal, _ key: String) throws {
        try terminal.waitFor("q stops: ")
        try terminal.waitForKeyReading()
        terminal.send(key)
    }

    /// The credentials files in the state folder: `auth/ENVIRONMENT/PROFILE.json`.
    var storedCredentials: [String] {
        let files = FileManager.default.enumerator(atPath: fixture.state.path)?.compactMap { $0 as? String } ?? []
        return files.filter { $0.contains("/auth/") && $0.hasSuffix(".json") }
    }

    @Test func anOAuth2CodeLoginWithPKCEStepByStep() throws {
        let terminal = try startDemo()
        terminal.send("auth login oauth2 --step\r")
        try see(terminal, [
            "── Step 1: authorization request (RFC 6749 §4.1.1, RFC 7636 §4.2–4.3)",
            "apish → browser: open http://127.0.0.1:",
            "  code_challenge_method=S256",
        ])
        try answer(terminal, "?")
        try terminal.waitFor("code_challenge = BASE64URL(SHA256(code_verifier)) = ")
        try answer(terminal, "\r")
        try see(terminal, [
            "next: apish waits for the redirect that brings the code.",
            "── Step 2: redirect (RFC 6749 §4.1.2)",
            "browser → apish: GET redirect URI",
            "  code=••••••",
            "next: the code is exchanged for tokens in the next step",
            "── Step 3: code exchange (RFC 6749 §4.1.3, RFC 7636 §4.5)",
            "apish → authorization server: POST http://127.0.0.1:",
            "  code=••••••",
            "  code_verifier=••••••",
            "  client_secret=••••••",
        ])
        try answer(terminal, "\r")
        try see(terminal, [
            "authorization server → apish: HTTP 200",
            "access_token=••••••",
            "expires_in=3600",
            "next: access_token goes with every API request; expires_in says when apish renews it; refresh_token renews it",
            "logged in: access token valid until ",
        ])
        try prompt(terminal)
        terminal.send("auth diagram oauth2\r")
        try see(terminal, [
            "── 1. authorization request",
            "── 3. code exchange (RFC 6749 §4.1.3, RFC 7636 §4.5)",
            "── then: every API request (RFC 6750 §2.1)",
        ])
        try prompt(terminal)
        terminal.sendKey(.ctrlD)
        #expect(try terminal.waitForExit() == 0)
        #expect(!terminal.screenText.contains("demo-oauth2-secret"))
        #expect(storedCredentials.contains { $0.hasSuffix("auth/sandbox/oauth2.json") })
    }

    @Test func anOAuth1LoginStepByStep() throws {
        let terminal = try startDemo()
        terminal.send("auth login mautic-oauth1 --step\r")
        try see(terminal, [
            "── Step 1: request token (RFC 5849 §2.1)",
            "Authorization: OAuth",
            "  oauth_callback=http://127.0.0.1:8766/callback",
            "  oauth_signature=••••••",
        ])
        try answer(terminal, "?")
        try see(terminal, [
            "base string: POST&http%3A%2F%2F127.0.0.1%3A",
            "key: enc(consumer_secret)&enc(token_secret) = ••••••&",
        ])
        try answer(terminal, "\r")
        try see(terminal, [
            "authorization server → apish: HTTP 200",
            "oauth_token_secret=••••••",
            "next: oauth_token goes into the authorize URL",
            "── Step 2: authorize in the browser (RFC 5849 §2.2)",
            "  oauth_token=••••••",
        ])
        try answer(terminal, "\r")
        try see(terminal, [
            "── Step 3: callback (RFC 5849 §2.2)",
            "browser → apish: GET redirect URI",
            "  oauth_verifier=••••••",
            "── Step 4: access token (RFC 5849 §2.3)",
            "  oauth_verifier=••••••",
        ])
        try answer(terminal, "?")
        try terminal.waitFor("signed with the temporary secret")
        try answer(terminal, "\r")
        try see(terminal, [
            "authorization server → apish: HTTP 200",
            "next: oauth_token and oauth_token_secret sign every API request",
            "logged in: access token stored for 'mautic-oauth1'",
        ])
        try prompt(terminal)
        terminal.send("GET /api/users/self --auth mautic-oauth1 --body\r")
        try terminal.waitFor(#""username": "admin""#)
        try prompt(terminal)
        terminal.sendKey(.ctrlD)
        #expect(try terminal.waitForExit() == 0)
        #expect(!terminal.screenText.contains("demo-oauth1-secret"))
    }

    @Test("q at each pause stops the login with nothing stored", arguments: [
        ("oauth2", ["q"]), ("oauth2", ["\r", "q"]),
        ("mautic-oauth1", ["q"]), ("mautic-oauth1", ["\r", "q"]), ("mautic-oauth1", ["\r", "\r", "q"]),
    ])
    func quittingAtAStepStoresNothing(profile: String, keys: [String]) throws {
        let terminal = try startDemo()
        terminal.send("auth login \(profile) --step\r")
        for key in keys { try answer(terminal, key) }
        try see(terminal, [
            "login cancelled: stopped before step ",
            "nothing was stored",
        ])
        try prompt(terminal)
        terminal.send("auth token \(profile)\r")
        try terminal.waitFor(profile == "oauth2" ? "no token: auth login" : "access token none (auth login)")
        try prompt(terminal)
        terminal.send("auth diagram \(profile)\r")
        try terminal.waitFor("no flow has run for '\(profile)' in this shell yet")
        try prompt(terminal)
        terminal.sendKey(.ctrlD)
        #expect(try terminal.waitForExit() == 0)
        #expect(storedCredentials.isEmpty, "\(storedCredentials)")
    }
}

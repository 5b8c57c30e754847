import Foundation
import TestSupport
import Testing

/// `auth` commands run from `-c`, in a workspace of their own.
@Suite struct AuthCommandTests {
    let fixture: ShellFixture

    init() throws {
        fixture = try ShellFixture()
        try fixture.write("""
            baseUrl = http://127.0.0.1:1
            auth = first
            [auth first]
            type = basic
            username = admin
            secret password
            [auth second]
            type = bearer
            token = abc
            [auth third]
            type = oauth2
            grant = client_credentials
            token_url = http://127.0.0.1:1/token
            client_id = c
            secret client_secret = $APISH_TEST_UNSET_SECRET

            """, to: "environments/e.env")
    }

    @Test func showListsEveryProfileAndWhichSecretsHaveNoValue() throws {
        let result = try fixture.apish(["--env", "e", "-c", "auth show"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == """
            first — basic not usable (default)
              password: no value — auth secret first password
            second — bearer ready
              token: ••••••
              sent in: header
            third — oauth2 not usable
              client_secret: no value — set $APISH_TEST_UNSET_SECRET in the process environment

            """)
    }

    @Test func stepWaitsForAKeySoAScriptIsRefusedWithALineThatSaysWhy() throws {
        let result = try fixture.apish(["--env", "e", "-c", "auth login third --step"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("--step waits for a key before each step: run it in the interactive shell at a terminal, not from a script or -c"))
        let shortcut = try fixture.apish(["--env", "e", "-c", "auth oauth2 login --step"])
        #expect(shortcut.stderr.contains("--step waits for a key before each step"), "the shortcut passes --step on")
    }

    @Test func aDiagramBeforeAnyFlowSaysSoInOneLine() throws {
        let result = try fixture.apish(["--env", "e", "-c", "auth diagram second"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "no flow has run for 'second' in this shell yet: `auth login second` (or a request that needs its token) makes one\n")
    }
}

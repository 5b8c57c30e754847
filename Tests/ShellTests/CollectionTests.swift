import Foundation
import TestSupport
import Testing

/// expect → save → run: what a person explored becomes a collection that replays, in the shell and in CI.
@Suite(.serialized) final class CollectionTests {
    let httpbin: PeerServer
    let fixture: ShellFixture

    init() throws {
        httpbin = try PeerServer.httpbin()
        fixture = try ShellFixture()
    }

    @Test func savedRequestsKeepTemplatesAndReplayAsTests() throws {
        let session = try fixture.apish([], stdin: """
            env new bin \(httpbin.baseURL)
            POST /post name=Ada n:=5 X-Trace:t1 --quiet
            expect status == 200
            expect .json.name == "Ada"
            set who = .json.name
            save flows/create
            GET /anything/{{who}} tag==x --quiet
            expect jsonpath "$.url" contains "Ada"
            save flows/create
            collections
            run collections/flows/create.hurl --report-html reports
            """)
        #expect(session.status == 0, "\(session.stderr)")
        #expect(session.stdout.contains("✓ status == 200"))
        #expect(session.stdout.contains("flows/create.hurl  2 requests"))
        #expect(try fixture.read("reports/index.html").contains("flows/create.hurl"))
        #expect(session.stdout.hasSuffix("1 passed, 0 failed\n"))
        let saved = try fixture.read("collections/flows/create.hurl")
        #expect(saved == """
            # flows/create
            POST {{baseUrl}}/post
            Accept: application/json, */*;q=0.5
            X-Trace: t1
            [Options]
            location: true
            {
              "name": "Ada",
              "n": 5
            }

            HTTP 200
            [Captures]
            who: jsonpath "$.json.name"
            [Asserts]
            status == 200
            jsonpath "$.json.name" == "Ada"

            # flows/create
            GET {{baseUrl}}/anything/{{who}}
            Accept: application/json, */*;q=0.5
            [Query]
            tag: x
            [Options]
            location: true

            HTTP 200
            [Asserts]
            jsonpath "$.url" contains "Ada"

            """)

        let replay = try fixture.apish(["run", "collections/flows", "--env", "bin", "--report-junit", "junit.xml"])
        #expect(replay.status == 0, "\(replay.stderr)")
        #expect(replay.stdout.hasSuffix("1 passed, 0 failed\n"))
        #expect(try fixture.read("junit.xml").contains("tests=\"1\""))
    }

    @Test func aFailedExpectationStopsTheScriptWithCodeFour() throws {
        let result = try fixture.apish([], stdin: """
            GET \(httpbin.baseURL)/status/404 --quiet
            expect status == 200
            echo unreachable
            """)
        #expect(result.status == 4)
        #expect(result.stderr.contains("expectation failed: status == 200"))
        #expect(result.stderr.contains("actual:   404"))
        #expect(!result.stdout.contains("unreachable"))

        let invalid = try fixture.apish([], stdin: "GET \(httpbin.baseURL)/json --quiet\nexpect jsonpath \"$.slideshow\" sometimes 3\n")
        #expect(invalid.status == 2)
        #expect(invalid.stderr.contains("expect:"))
    }

    @Test func aCopiedCurlCommandIsSentAsIs() throws {
        let result = try fixture.apish(["-c", """
            import curl 'curl -X POST -H "X-From: docs" --data-urlencode "q=a b" \(httpbin.baseURL)/post'
            """, "-c", "q .form.q", "-c", "q .headers.X-From"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasSuffix("\"a b\"\n\"docs\"\n"))
    }
}

/// `apish demo` without a terminal: the sandbox in-process, the `sandbox` environment, every auth method.
@Suite(.serialized) struct DemoTests {
    @Test func theDemoServesEveryAuthMethodAndItsCollectionsPass() throws {
        let fixture = try ShellFixture()
        let browser = "python3 " + PackagePaths.root.appendingPathComponent("Tests/ShellTests/peers/sandbox_browser.py").path
        let mautic = PackagePaths.root.appendingPathComponent("collections/mautic").path
        var environment = fixture.environment
        environment["BROWSER"] = browser
        let result = try Command.run(PackagePaths.apishBinary, ["demo", "--port", "0"], stdin: """
            GET /api/contacts limit==1 --quiet
            expect status == 200
            expect jsonpath "$.total" isString
            GET /api/contacts --auth service --quiet
            expect status == 200
            auth login mautic-oauth1
            GET /api/users/self --auth mautic-oauth1 --quiet
            expect jsonpath "$.username" == "admin"
            run \(mautic)/basic.hurl \(mautic)/oauth1.hurl
            set client_id = 2_demo-service-client
            set client_secret = demo-service-secret
            run \(mautic)/oauth2.hurl
            env show
            """, environment: environment, currentDirectory: fixture.workspace, timeout: 120)
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        #expect(result.stdout.contains("2 passed, 0 failed"))
        #expect(result.stdout.contains("1 passed, 0 failed"))
        #expect(!result.stdout.contains("demo-oauth1-secret"))
        let file = try fixture.read("environments/sandbox.env")
        #expect(file.contains("secret password"))
        for secret in ["demo-service-secret", "demo-oauth2-secret", "demo-oauth1-secret", "= mautic"] {
            #expect(!file.contains(secret))
        }
    }
}

import Foundation
import TestSupport
import Testing

/// The `apish` binary run from scripts, stdin and -c against httpbin on 127.0.0.1.
@Suite(.serialized) final class ScriptTests {
    let httpbin: PeerServer
    let fixture: ShellFixture

    init() throws {
        httpbin = try PeerServer.httpbin()
        fixture = try ShellFixture()
    }

    @Test func oneCommandPrintsTheBodyAndExitsZero() throws {
        let result = try fixture.apish(["-c", "GET \(httpbin.baseURL)/get limit==5 X-Trace:abc"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains(#""limit": "5""#))
        #expect(result.stdout.contains(#""X-Trace": "abc""#))
        #expect(result.stderr.contains("HTTP/1.1 200 OK"))
    }

    @Test func keyOrderAndNumbersArePrintedAsTheServerSentThem() throws {
        let document = #"{"zeta":1,"alpha":9223372036854775807,"mid":[1.50,1e400,-0.0],"text":"é\u00e9"}"#
        let encoded = Data(document.utf8).base64EncodedString().replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "+", with: "-")
        let result = try fixture.apish(["-c", "GET \(httpbin.baseURL)/base64/\(encoded) --body"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == """
            {
              "zeta": 1,
              "alpha": 9223372036854775807,
              "mid": [
                1.50,
                1e400,
                -0.0
              ],
              "text": "éé"
            }

            """)
    }

    @Test func aFileAndStandardInputRunTheSameCommands() throws {
        let script = """
            # capture a value, reuse it, and show it
            env new bin \(httpbin.baseURL)
            POST /post name=Ada count:=3 --quiet
            set who = $.json.name
            set count = .json.count
            GET /anything/{{who}} n=={{count}} --body
            echo done {{who}} {{count}}
            """
        try fixture.write(script, to: "flow.apish")
        let fromFile = try fixture.apish(["flow.apish"])
        #expect(fromFile.status == 0, "\(fromFile.stderr)")
        try FileManager.default.removeItem(at: fixture.workspace.appendingPathComponent("environments/bin.env"))
        let fromStdin = try fixture.apish([], stdin: script)
        #expect(fromStdin.status == 0, "\(fromStdin.stderr)")
        #expect(fromFile.stdout == fromStdin.stdout)
        #expect(fromFile.stdout.contains(#""url": "\#(httpbin.baseURL)/anything/Ada?n=3""#))
        #expect(fromFile.stdout.hasSuffix("done Ada 3\n"))
    }

    @Test func heredocAndPastedBodiesAreSentWhole() throws {
        let script = """
            POST \(httpbin.baseURL)/post --body <<EOF
            {"raw": true,
             "n": 12345678901234567890}
            EOF
            POST \(httpbin.baseURL)/anything --body {
              "pasted": [1, 2]
            }
            """
        let result = try fixture.apish([], stdin: script)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains(#""data": "{\"raw\": true,\n \"n\": 12345678901234567890}""#))
        #expect(result.stdout.contains(#""pasted": ["#))
    }

    @Test func aJSONBodyOnTheLineAfterTheRequestLineIsItsBody() throws {
        let script = """
            POST \(httpbin.baseURL)/anything --body
            {"firstname": "Ada"}
            PUT \(httpbin.baseURL)/anything --body
              [1,
               2]
            q .json
            """
        let result = try fixture.apish([], stdin: script)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains(#""data": "{\"firstname\": \"Ada\"}""#))
        #expect(result.stdout.hasSuffix("[\n  1,\n  2\n]\n"))
    }

    @Test func queriesAndCapturesTakeTheRestOfTheLineQuotesIncluded() throws {
        let script = """
            POST \(httpbin.baseURL)/anything contacts:='[{"firstname": "Ada", "id": 1}, {"firstname": "Bob", "id": 2}]' --quiet
            q $..contacts[?@.firstname=='Ada'].id
            set n = $.json.contacts[?@.id==2].firstname
            set t = 'literal text'
            echo {{n}} and {{t}}
            q 1 --raw $.json.contacts[?@.firstname=="Bob"].firstname
            q $.json.contacts[?@.id > 1].id --paths
            q '$.json.contacts[0].id'
            """
        let result = try fixture.apish([], stdin: script)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "1\nn = Bob\nBob and literal text\nBob\n$['json']['contacts'][1]['id']\n1\n")
    }

    @Test func theFirstFailureStopsAScriptWithItsCode() throws {
        let refusedPort = FreePort.next()
        let refused = try fixture.apish(["-c", "GET http://127.0.0.1:\(refusedPort)/", "-c", "echo never"])
        #expect(refused.status == 3)
        #expect(refused.stderr == "-c #1: error: cannot connect to 127.0.0.1:\(refusedPort): connection refused\n")
        #expect(!refused.stdout.contains("never"))

        let unknown = try fixture.apish(["-c", "GET \(httpbin.baseURL)/anything/{{id}}"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("unknown variable 'id'"))

        let missingFile = try fixture.apish(["-c", "POST \(httpbin.baseURL)/post bio=@nowhere.txt"])
        #expect(missingFile.status == 3)
        #expect(missingFile.stderr.contains("cannot read 'nowhere.txt'"))

        let typo = try fixture.apish(["-c", "hepl"])
        #expect(typo.status == 1)
        #expect(typo.stderr.contains("did you mean `help`?"))

        let timeout = try fixture.apish(["-c", "GET \(httpbin.baseURL)/delay/3 --timeout 0.5"])
        #expect(timeout.status == 3)
        #expect(timeout.stderr.contains("did not answer in time"))

        let unclosed = try fixture.apish([], stdin: "POST \(httpbin.baseURL)/post <<EOF\n{\"a\": 1}\n")
        #expect(unclosed.status == 2)
        #expect(unclosed.stderr.contains("no line reads `EOF`"))
    }

    @Test func keepGoingRunsEverythingAndReturnsTheFirstFailure() throws {
        let result = try fixture.apish(["--keep-going", "-c", "nonsense", "-c", "GET \(httpbin.baseURL)/status/204 --quiet", "-c", "echo after"])
        #expect(result.status == 1)
        #expect(result.stdout == "after\n")
    }

    @Test func jsonOutputIsTheWholeExchangeWithCredentialsMasked() throws {
        let result = try fixture.apish(["-c", "GET \(httpbin.baseURL)/json Authorization:'Bearer s3cret-token' --json"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains(#""method": "GET""#))
        #expect(result.stdout.contains(#""status": 200"#))
        #expect(result.stdout.contains(#""bodyType": "json""#))
        #expect(result.stdout.contains(#""slideshow""#))
        #expect(!result.stdout.contains("s3cret-token"))
    }

    @Test func environmentsKeepSecretsOutOfTheWorkspace() throws {
        let setup = try fixture.apish([], stdin: """
            env new staging \(httpbin.baseURL)
            env set user ada
            env secret pass hunter2-long
            env show
            vars
            GET /basic-auth/{{user}}/{{pass}} Authorization:'Basic YWRhOmh1bnRlcjItbG9uZw==' --body
            """)
        #expect(setup.status == 0, "\(setup.stderr)")
        #expect(setup.stdout.contains(#""authenticated": true"#))
        #expect(!setup.stdout.contains("hunter2-long"))
        let file = try fixture.read("environments/staging.env")
        #expect(file.contains("secret pass\n"))
        #expect(!file.contains("hunter2"))
        let again = try fixture.apish(["--env", "staging", "-c", "echo {{pass}}"])
        #expect(again.stdout == "••••••\n")
    }
}

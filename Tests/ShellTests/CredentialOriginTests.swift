import Foundation
import TestSupport
import Testing

/// An environment's default profile signs only requests to its own origins; `--auth NAME` is consent.
@Suite(.serialized) final class CredentialOriginTests {
    let httpbin: PeerServer
    let fixture: ShellFixture

    init() throws {
        let workspace = try HTTPBinWorkspace(password: "pw1")
        (httpbin, fixture) = (workspace.httpbin, workspace.fixture)
    }

    deinit { httpbin.stop() }

    /// The same server under another name is another origin.
    var otherOrigin: String { httpbin.baseURL.replacing("127.0.0.1", with: "localhost") }

    @Test func theDefaultProfileStaysWithItsOrigin() throws {
        let result = try fixture.apish(["--env", "bin", "-c", "GET /headers -b", "-c", "GET \(otherOrigin)/headers -b",
                                        "-c", "GET \(otherOrigin)/anything -b"])
        #expect(result.status == 0, "\(result.stderr)")
        let bodies = result.stdout.components(separatedBy: "\n}\n")
        #expect(bodies.count >= 3)
        #expect(bodies[0].contains("\"Authorization\""))
        #expect(!bodies[1].contains("\"Authorization\"") && !bodies[2].contains("\"Authorization\""))
        let notes = result.stderr.components(separatedBy: "sent without auth profile 'basic'")
        #expect(notes.count == 2, "one note per origin: \(result.stderr)")
        #expect(result.stderr.contains("--auth basic"))
    }

    @Test func namingTheProfileSendsItAnywhereAndHostsWidensTheDefault() throws {
        let named = try fixture.apish(["--env", "bin", "-c", "GET \(otherOrigin)/headers -b --auth basic"])
        #expect(named.stdout.contains("\"Authorization\"") && !named.stderr.contains("sent without"))
        let widened = try fixture.apish(["--env", "bin", "-c", "env set hosts \(otherOrigin)", "-c", "GET \(otherOrigin)/headers -b"])
        #expect(widened.stdout.contains("\"Authorization\""), "\(widened.stderr)")
    }

    @Test func aRunSendsEntriesAsWrittenUnlessTheyNameAProfile() throws {
        try fixture.write("""
            GET {{baseUrl}}/headers
            HTTP 200
            [Asserts]
            jsonpath "$.headers.Authorization" not exists

            # @auth basic
            GET \(otherOrigin)/headers
            HTTP 200
            [Asserts]
            jsonpath "$.headers.Authorization" == "Basic YWRhOnB3MQ=="

            """, to: "collections/origins.hurl")
        let run = try fixture.apish(["run", "collections/origins.hurl", "--env", "bin"])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
    }
}

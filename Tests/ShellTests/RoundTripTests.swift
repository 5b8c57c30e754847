import Foundation
import TestSupport
import Testing

/// A request typed in the shell means the same thing saved, replayed, exported to curl and through
/// Postman: the same method, URL, headers and body reach httpbin's `/anything` every time.
@Suite(.serialized) final class RoundTripTests {
    let httpbin: PeerServer
    let fixture: ShellFixture

    init() throws {
        let workspace = try HTTPBinWorkspace()
        (httpbin, fixture) = (workspace.httpbin, workspace.fixture)
    }

    deinit { httpbin.stop() }

    /// The parts of httpbin's echo that must not change between the ways of sending.
    func arrived(_ json: String) throws -> [String] {
        let data = try #require(json.data(using: .utf8))
        let echo = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let headers = try #require(echo["headers"] as? [String: String])
        let body = try #require(echo["json"] as? [String: Any])
        return [
            echo["method"] as? String ?? "", echo["url"] as? String ?? "", headers["X-Tag"] ?? "",
            headers["Content-Type"] ?? "", "\(body["a"] ?? "")", "\(body["n"] ?? "")",
        ]
    }

    @Test func typedSavedRunExportedAndImportedRequestsArriveTheSame() throws {
        let asserts = [
            #"expect jsonpath "$.method" == "POST""#, #"expect jsonpath "$.json.n" == 2"#,
            #"expect jsonpath "$.headers['X-Tag']" == "t""#, #"expect jsonpath "$.args.y" == "2""#,
            #"expect jsonpath "$.headers.Authorization" == "Basic YWRhOnB3MQ==""#,
        ]
        let shell = try fixture.apish(["--env", "bin", "-c", "env secret password pw1", "-c",
            "POST /redirect-to url==/anything/rt?y=2 status_code==307 X-Tag:t a=1 n:=2 --timeout 5 -k --json"]
            + asserts.flatMap { ["-c", $0] } + ["-c", "save rt"])
        #expect(shell.status == 0, "\(shell.stdout)\(shell.stderr)")
        let saved = try fixture.read("collections/rt.hurl")
        #expect(saved.contains("location: true") && saved.contains("insecure: true") && saved.contains("max-time: 5000ms"))
        #expect(saved.contains("# @auth basic"))

        let run = try fixture.apish(["run", "collections/rt.hurl", "--env", "bin"])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")

        let exported = try fixture.apish(["export", "curl", "collections/rt.hurl", "--env", "bin", "--reveal"])
        #expect(exported.status == 0, "\(exported.stderr)")
        #expect(exported.stdout.contains(" -L ") && exported.stdout.contains(" -k") && exported.stdout.contains("--max-time 5"))
        let curl = try Command.run(URL(fileURLWithPath: "/bin/sh"), ["-c", exported.stdout])
        #expect(curl.status == 0, "\(curl.stderr)")
        let throughShell = try fixture.apish(["--env", "bin", "-c",
            "POST /redirect-to url==/anything/rt?y=2 status_code==307 X-Tag:t a=1 n:=2 -b"])
        #expect(try arrived(curl.stdout) == arrived(throughShell.stdout), "\(exported.stdout)\n\(curl.stdout)\n\(throughShell.stdout)")
        #expect(curl.stdout.contains(#""Authorization": "Basic YWRhOnB3MQ==""#))
        #expect(throughShell.stdout.contains(#""Authorization": "Basic ••••••""#) || throughShell.stdout.contains(#""Authorization": "••••••""#))

        let postman = try fixture.apish(["export", "postman", "collections/rt.hurl", "--env", "bin", "--out", "rt.postman.json"])
        #expect(postman.status == 0, "\(postman.stderr)")
        let imported = try fixture.apish(["import", "postman", "rt.postman.json", "--out", "collections/back", "--env", "bin"])
        #expect(imported.status == 0, "\(imported.stderr)")
        let rerun = try fixture.apish(["run", "collections/back", "--env", "bin"])
        let back = try fixture.apish(["export", "curl", "collections/back", "--env", "bin"])
        let environment = try fixture.read("environments/bin.env")
        #expect(rerun.status == 0, "\(rerun.stdout)\(rerun.stderr)\n\(back.stdout)\n\(environment)")
    }
}

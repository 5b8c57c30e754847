import Foundation
import Testing
import TestSupport

/// `apish run` with Hurl's command-line options, the ones people use in CI among them, on the built
/// binary against httpbin.
@Suite(.serialized) final class RunOptionTests {
    let httpbin: PeerServer
    let fixture: ShellFixture

    init() throws {
        httpbin = try PeerServer.httpbin()
        fixture = try ShellFixture()
    }

    deinit {
        httpbin.stop()
        try? FileManager.default.removeItem(at: fixture.root)
    }

    @Test func globFindsFilesAndRepeatRunsTheSequenceAgain() throws {
        let get = "GET {{base}}/get\nHTTP 200\n"
        try fixture.write(get, to: "suite/a.hurl")
        try fixture.write(get, to: "suite/deep/er/b.hurl")
        try fixture.write(get, to: "suite/.hidden/c.hurl")
        try fixture.write("not hurl", to: "suite/notes.txt")
        let result = try fixture.apish(["run", "--test", "--glob", "suite/**/*.hurl", "--repeat", "2", "--variable", "base=\(httpbin.baseURL)",
                                "--report-tap", "out.tap"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try fixture.read("out.tap") == """
            TAP version 13
            1..4
            ok 1 - suite/a.hurl
            ok 2 - suite/deep/er/b.hurl
            ok 3 - suite/a.hurl
            ok 4 - suite/deep/er/b.hurl

            """)
        let none = try fixture.apish(["run", "--glob", "suite/*.json", "--variable", "base=\(httpbin.baseURL)"])
        #expect(none.status == 1)
        #expect(none.stderr.contains("no .hurl files"), "\(none.stderr)")
    }

    @Test func retryRepeatsAFailedEntryAndAnEntrysOptionWins() throws {
        try fixture.write("GET {{base}}/status/500\nHTTP 200\n\nGET {{base}}/status/500\n[Options]\nretry: 0\nHTTP 200\n", to: "flaky.hurl")
        let result = try fixture.apish(["run", "flaky.hurl", "--continue-on-error", "--retry", "2", "--retry-interval", "10ms",
                                "--variable", "base=\(httpbin.baseURL)", "--report-json", "out.json"])
        #expect(result.status == 4)
        let report = try fixture.read("out.json")
        #expect(report.contains("\"retries\": 2"), "\(report)")
        #expect(report.contains("\"retries\": 0"), "the second entry ran (--continue-on-error) and kept its own retry: 0")
    }

    @Test func aFailedEntryStopsItsFileUnlessContinueOnError() throws {
        try fixture.write("GET {{base}}/status/404\nHTTP 200\n\nGET {{base}}/get\nHTTP 200\n", to: "two.hurl")
        let stopped = try fixture.apish(["run", "two.hurl", "--variable", "base=\(httpbin.baseURL)", "--report-json", "stopped.json"])
        let continued = try fixture.apish(["run", "two.hurl", "--continue-on-error", "--variable", "base=\(httpbin.baseURL)", "--report-json", "all.json"])
        #expect(stopped.status == 4 && continued.status == 4)
        #expect(try fixture.read("stopped.json").components(separatedBy: "\"index\"").count == 2)
        #expect(try fixture.read("all.json").components(separatedBy: "\"index\"").count == 3)
    }

    @Test func maxTimeAndConnectTimeoutBoundEachRequest() throws {
        try fixture.write("GET {{base}}/delay/3\nHTTP 200\n", to: "slow.hurl")
        let started = Date()
        let result = try fixture.apish(["run", "slow.hurl", "--max-time", "500ms", "--connect-timeout", "2", "--variable", "base=\(httpbin.baseURL)"])
        #expect(result.status == 3, "\(result.stderr)")
        #expect(Date().timeIntervalSince(started) < 2.5)
        #expect(try fixture.apish(["run", "slow.hurl", "--max-time", "soon"]).status == 1)
    }

    @Test func secretsAreVariablesMaskedEverywhere() throws {
        try fixture.write("GET {{base}}/anything/{{token}}\nX-Token: {{token}}\nHTTP 200\n[Asserts]\njsonpath \"$.headers['X-Token']\" == \"other\"\n", to: "secret.hurl")
        let result = try fixture.apish(["run", "secret.hurl", "--secret", "token=s3cr3t-value", "--variable", "base=\(httpbin.baseURL)",
                                "--verbose", "--report-json", "out.json", "--report-junit", "out.xml"])
        #expect(result.status == 4, "\(result.stderr)")
        for text in [result.stdout, result.stderr, try fixture.read("out.json"), try fixture.read("out.xml")] {
            #expect(!text.contains("s3cr3t-value"), "\(text)")
        }
        #expect(result.stderr.contains("actual:   \"••••••\""), "\(result.stderr)")
        let fromEnvironment = try fixture.apish(["run", "secret.hurl", "--variable", "base=\(httpbin.baseURL)", "--verbose"],
                                        environment: ["HURL_SECRET_token": "s3cr3t-value"])
        #expect(fromEnvironment.status == 4)
        #expect(!fromEnvironment.stderr.contains("s3cr3t-value"), "\(fromEnvironment.stderr)")
        let twice = try fixture.apish(["run", "secret.hurl", "--secret", "token=a", "--variable", "token=b"])
        #expect(twice.status == 1)
        #expect(twice.stderr.contains("'token'"), "\(twice.stderr)")
    }

    @Test func hurlEnvironmentVariablesGiveVariablesBelowTheCommandLine() throws {
        try fixture.write("GET {{base}}/anything/{{who}}\nHTTP 200\n[Asserts]\njsonpath \"$.url\" endsWith \"/{{expected}}\"\n", to: "env.hurl")
        let environment = ["HURL_VARIABLE_base": httpbin.baseURL, "HURL_who": "legacy", "HURL_expected": "legacy"]
        #expect(try fixture.apish(["run", "env.hurl"], environment: environment).status == 0)
        var modern = environment
        modern["HURL_VARIABLE_who"] = "modern"
        modern["HURL_VARIABLE_expected"] = "modern"
        #expect(try fixture.apish(["run", "env.hurl"], environment: modern).status == 0, "HURL_VARIABLE_name wins over HURL_name")
        let overridden = try fixture.apish(["run", "env.hurl", "--variable", "who=cli", "--variable", "expected=cli"], environment: modern)
        #expect(overridden.status == 0, "--variable wins: \(overridden.stderr)")
    }

    @Test func userSignsEveryEntryAndVariablesFilesMerge() throws {
        try fixture.write("GET {{base}}/basic-auth/bob/secret\nHTTP 200\n\nGET {{base}}{{path}}\nHTTP 200\n", to: "auth.hurl")
        try fixture.write("# where\nbase=\(httpbin.baseURL)\n", to: "server.env")
        try fixture.write("path=/basic-auth/bob/secret\n", to: "paths.env")
        let result = try fixture.apish(["run", "auth.hurl", "--user", "bob:secret", "--variables-file", "server.env", "--variables-file", "paths.env"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasSuffix("1 passed, 0 failed\n"))
        #expect(try fixture.apish(["run", "auth.hurl", "--variables-file", "server.env", "--variables-file", "paths.env"]).status == 4,
                "without --user the server refuses")
    }

    @Test func aVariableDefinedInTwoFilesIsAnError() throws {
        try fixture.write("GET {{base}}/get\nHTTP 200\n", to: "get.hurl")
        try fixture.write("base=\(httpbin.baseURL)\n", to: "one.env")
        try fixture.write("\nbase=http://127.0.0.1:9\n", to: "two.env")
        let result = try fixture.apish(["run", "get.hurl", "--variables-file", "one.env", "--variables-file", "two.env"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("two.env:2: variable 'base' is already defined at one.env:1"), "\(result.stderr)")
        let overridden = try fixture.apish(["run", "get.hurl", "--variables-file", "two.env", "--variable", "base=\(httpbin.baseURL)"])
        #expect(overridden.status == 0, "--variable wins over a file: \(overridden.stderr)")
    }

    @Test func maxSizeAndIdleTimeoutBoundEveryEntry() throws {
        try fixture.write("GET {{base}}/bytes/4096\nHTTP 200\n", to: "big.hurl")
        let base = ["--variable", "base=\(httpbin.baseURL)"]
        let capped = try fixture.apish(["run", "big.hurl", "--max-size", "1K"] + base)
        #expect(capped.status == 3, "\(capped.stderr)")
        #expect(capped.stderr.contains("--max-size"), "\(capped.stderr)")
        #expect(try fixture.apish(["run", "big.hurl", "--max-size", "8K"] + base).status == 0)
        #expect(try fixture.apish(["run", "big.hurl", "--max-size", "lots"] + base).status == 1)
        try fixture.write("GET {{base}}/delay/3\nHTTP 200\n", to: "slow.hurl")
        let silent = try fixture.apish(["run", "slow.hurl", "--idle-timeout", "1"] + base)
        #expect(silent.status == 3)
        #expect(silent.stderr.contains("sent nothing for"), "\(silent.stderr)")
    }
}

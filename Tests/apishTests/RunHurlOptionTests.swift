import Foundation
import Testing
import TestSupport

/// `apish run` with Hurl's command-line options, the built binary against httpbin.
@Suite(.serialized) final class RunHurlOptionTests {
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
}

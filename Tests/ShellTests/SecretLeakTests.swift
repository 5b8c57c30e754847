import Foundation
import TestSupport
import Testing

/// Known secrets typed, stored and obtained in every way apish takes them, then every output and every
/// file the shell, `save`, `run` with each report, export and import produce: none holds a value,
/// while text that merely shares a secret's letters is printed intact.
@Suite(.serialized) final class SecretLeakTests {
    let httpbin: PeerServer
    let fixture: ShellFixture
    /// The Basic password, a query-placed bearer token, a typed API key, a curl `-u` password, a client
    /// secret, and the Basic credentials as sent (base64).
    let secrets = ["mautic", "tok3nQ", "k3yTyped", "curlPw7", "cl1entS3cret", "jsonPw9",
                   Data("ada:mautic".utf8).base64EncodedString(), Data("bob:curlPw7".utf8).base64EncodedString()]

    init() throws {
        let workspace = try HTTPBinWorkspace { baseURL in
            """
            [auth service]
            type = oauth2
            grant = client_credentials
            token_url = \(baseURL)/status/500
            client_id = svc

            """
        }
        (httpbin, fixture) = (workspace.httpbin, workspace.fixture)
    }

    deinit { httpbin.stop() }

    /// True when `secret` stands whole in `text` (not inside a longer word such as `mautic-docs`).
    func leaks(_ text: String, _ secret: String) -> Bool {
        let word: (Character) -> Bool = { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
        var start = text.startIndex
        while let range = text[start...].firstRange(of: secret) {
            let before = range.lowerBound == text.startIndex ? nil : text[text.index(before: range.lowerBound)]
            let after = range.upperBound == text.endIndex ? nil : text[range.upperBound]
            if !(before.map(word) ?? false) && !(after.map(word) ?? false) { return true }
            start = range.upperBound
        }
        return false
    }

    func expectNoLeak(_ text: String, in place: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for secret in secrets where leaks(text, secret) {
            Issue.record("\(place) holds the secret '\(secret)':\n\(text)", sourceLocation: sourceLocation)
        }
    }

    func prompt(_ terminal: PseudoTerminal) throws {
        try terminal.waitFor("apish [bin")
        try terminal.waitForKeyReading()
    }

    func type(_ terminal: PseudoTerminal, _ line: String, waitFor text: String) throws {
        terminal.send(line + "\r")
        try terminal.waitFor(text)
        try prompt(terminal)
    }

    @Test func noSecretReachesOutputOrFiles() throws {
        let terminal = try PseudoTerminal(
            executable: PackagePaths.apishBinary, arguments: ["--env", "bin"], environment: fixture.environment)
        try prompt(terminal)
        try type(terminal, "env secret password mautic", waitFor: "stored secret 'password'")
        try type(terminal, "auth secret service client_secret cl1entS3cret", waitFor: "client_secret")
        try type(terminal, "auth new tq bearer token_placement=query token=tok3nQ", waitFor: "'token' is secret")
        try type(terminal, "auth new tq bearer token_placement=query", waitFor: "created auth profile 'tq'")
        try type(terminal, "auth secret tq token tok3nQ", waitFor: "token")
        try type(terminal, "GET /anything/mautic-docs X-Api-Key:k3yTyped note==mautic-fan", waitFor: "HTTP/1.1 200 OK")
        try type(terminal, "show request", waitFor: "/anything/mautic-docs?note=mautic-fan")
        try type(terminal, "show curl", waitFor: "curl ")
        try type(terminal, "show json", waitFor: "\"response\"")
        try type(terminal, "echo I love mautic-oauth1 and {{password}}", waitFor: "I love mautic-oauth1 and ••••••")
        try type(terminal, "save leak/basic", waitFor: "saved")
        try type(terminal, "GET /anything/q --auth tq -v", waitFor: "HTTP/1.1 200 OK")
        try type(terminal, "show curl", waitFor: "access_token=")
        try type(terminal, "save leak/query", waitFor: "saved")
        try type(terminal, "import curl 'curl -u bob:curlPw7 \(httpbin.baseURL)/anything/c'", waitFor: "HTTP/1.1 200 OK")
        try type(terminal, "save leak/curl", waitFor: "saved")
        try type(terminal, "POST /anything/j user=ada password=jsonPw9", waitFor: "HTTP/1.1 200 OK")
        try type(terminal, "save leak/json", waitFor: "saved")
        try type(terminal, "auth show", waitFor: "service")
        try type(terminal, "env show", waitFor: "password")
        terminal.sendKey(.ctrlD)
        #expect(try terminal.waitForExit() == 0)
        let screen = terminal.screenText
        #expect(screen.contains("I love mautic-oauth1 and ••••••"))
        #expect(screen.contains("/anything/mautic-docs"))
        // What the person typed is echoed on their terminal; everything apish wrote must be clean.
        let written = screen.split(separator: "\n").filter { !$0.contains("apish [bin") }.joined(separator: "\n")
        expectNoLeak(written, in: "the terminal")

        let reports = fixture.workspace.appendingPathComponent("reports")
        let run = try fixture.apish([
            "run", "collections/leak", "--env", "bin", "--verbose", "--report-json", "reports/r.json",
            "--report-junit", "reports/r.xml", "--report-tap", "reports/r.tap",
        ])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        expectNoLeak(run.stdout + run.stderr, in: "apish run")
        for command in [["export", "curl", "collections/leak/basic.hurl", "--env", "bin"],
                        ["export", "curl", "collections/leak/query.hurl", "--env", "bin"],
                        ["export", "curl", "collections/leak/curl.hurl", "--env", "bin"],
                        ["export", "postman", "collections/leak", "--env", "bin", "--out", "reports/p.json"]] {
            let result = try fixture.apish(command)
            #expect(result.status == 0, "\(command): \(result.stderr)")
            expectNoLeak(result.stdout + result.stderr, in: command.joined(separator: " "))
        }
        let imported = try fixture.apish(["import", "postman", "reports/p.json", "--out", "reimported"])
        #expect(imported.status == 0, "\(imported.stderr)")
        let curlImport = try fixture.apish(["import", "curl", "curl -H 'X-Api-Key: k3yTyped' -u bob:curlPw7 \(httpbin.baseURL)/x", "--env", "bin"])
        #expect(curlImport.status == 0, "\(curlImport.stderr)")
        #expect(curlImport.stdout.contains("{{"))
        expectNoLeak(curlImport.stdout + curlImport.stderr, in: "apish import curl")

        var files = try FileManager.default.subpathsOfDirectory(atPath: fixture.workspace.path).map { fixture.workspace.appendingPathComponent($0) }
        files.append(fixture.state.appendingPathComponent("history"))
        #expect(FileManager.default.fileExists(atPath: fixture.state.appendingPathComponent("history").path))
        #expect(FileManager.default.fileExists(atPath: reports.appendingPathComponent("r.json").path))
        for file in files {
            guard let text = try? String(contentsOf: file, encoding: .utf8) else { continue }
            expectNoLeak(text, in: file.lastPathComponent)
        }
        let saved = try fixture.read("collections/leak/basic.hurl")
        #expect(saved.contains("/anything/mautic-docs") && saved.contains("X-Api-Key: {{x_api_key}}") && saved.contains("# @auth basic"))
        #expect(try fixture.read("collections/leak/curl.hurl").contains("Authorization: Basic {{authorization}}"))
        #expect(try fixture.read("collections/leak/json.hurl").contains(#""password": "{{password_2}}""#))
        let environment = try fixture.read("environments/bin.env")
        #expect(environment.contains("secret x_api_key") && environment.contains("secret authorization"))
    }
}

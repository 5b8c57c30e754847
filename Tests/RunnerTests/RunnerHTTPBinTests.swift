import Foundation
import HTTPExchange
import Hurl
import Testing
import TestSupport
import Transport
@testable import Runner

/// The runner against httpbin (PyPI) on 127.0.0.1: a real, independent server.
@Suite(.serialized) final class RunnerHTTPBinTests {
    let httpbin: PeerServer
    let transport = HTTPTransport(cookieJar: CookieJar())

    init() throws {
        httpbin = try PeerServer.httpbin()
    }

    deinit {
        httpbin.stop()
    }

    private func run(_ text: String, variables: [String: RunValue] = [:], secretNames: Set<String> = [],
                     profiles: (any AuthProfileResolving)? = nil, directory: String? = nil) async throws -> FileResult {
        var all = variables
        all["base"] = .string(httpbin.baseURL)
        let configuration = RunConfiguration(variables: all, secretNames: secretNames, authProfiles: profiles)
        let file = try HurlParser.parse(text, fileName: "t.hurl")
        let result = await HurlRunner(transport: transport, configuration: configuration).run(file, directory: directory)
        await transport.shutdown()
        return result
    }

    private func expectPassed(_ result: FileResult, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(result.passed, "\(TextReport.failures(result))", sourceLocation: sourceLocation)
    }

    @Test func requestsSectionsCapturesAndAsserts() async throws {
        let result = try await run("""
        GET {{base}}/get?x=1
        X-Trace: {{trace}}
        [Query]
        search: a b
        HTTP 200
        Content-Type: application/json
        [Captures]
        trace_back: jsonpath "$.headers['X-Trace']"
        [Asserts]
        jsonpath "$.args.search" == "a b"
        jsonpath "$.args.x" == "1"
        header "Content-Type" contains "json"
        duration < 60000

        POST {{base}}/post
        {"trace": "{{trace_back}}", "n": {{n}}, "tags": ["a"]}
        HTTP 200
        [Asserts]
        jsonpath "$.json.trace" == "{{trace}}"
        jsonpath "$.json.n" == 42
        jsonpath "$.json.n" isInteger
        jsonpath "$.json.tags" count == 1
        jsonpath "$.headers['Content-Type']" == "application/json"

        PUT {{base}}/put
        [Form]
        name: Ada
        city: Paris
        HTTP 200
        [Asserts]
        jsonpath "$.form.name" == "Ada"
        jsonpath "$.headers['Content-Type']" startsWith "application/x-www-form-urlencoded"

        GET {{base}}/basic-auth/user/passwd
        [BasicAuth]
        user: passwd
        HTTP 200
        [Asserts]
        jsonpath "$.authenticated" == true

        GET {{base}}/cookies
        [Cookies]
        flavor: chocolate
        HTTP 200
        [Asserts]
        jsonpath "$.cookies.flavor" == "chocolate"

        GET {{base}}/status/418
        HTTP 418

        GET {{base}}/anything/{{id}}
        [Options]
        variable: id=7
        HTTP *
        [Asserts]
        jsonpath "$.url" endsWith "/anything/7"

        GET {{base}}/status/500
        [Options]
        skip: true
        HTTP 200

        GET {{base}}/robots.txt
        HTTP 200
        ```
        User-agent: *
        Disallow: /deny
        ```

        """, variables: ["trace": .string("t-1"), "n": .integer(42)])
        expectPassed(result)
        try #require(result.entries.count == 9)
        #expect(Array(result.entries)[0].captures == [CaptureResult(name: "trace_back", line: 8, value: "\"t-1\"")])
        #expect(Array(result.entries)[0].url.hasSuffix("/get?x=1&search=a%20b"))
        #expect(Array(result.entries)[7].skipped)
        #expect(Array(result.entries)[7].response == nil)
        #expect(Array(result.entries)[8].asserts.map(\.expression) == ["status == 200", "body == ```…```"])
    }

    @Test func redirectsAreFollowedOnlyWhenAsked() async throws {
        let result = try await run("""
        GET {{base}}/redirect-to?url=/get&status_code=302
        HTTP 302
        [Asserts]
        header "Location" == "/get"

        GET {{base}}/redirect-to?url=/get&status_code=302
        [Options]
        location: true
        HTTP 200
        [Asserts]
        url endsWith "/get"

        """)
        expectPassed(result)
    }

    @Test func multipartUploadsFilesRelativeToTheHurlFile() async throws {
        let folder = try PackagePaths.temporaryFolder("apish-hurl")
        defer { try? FileManager.default.removeItem(at: folder) }
        try "Hello file".write(to: folder.appendingPathComponent("data.txt"), atomically: true, encoding: .utf8)
        let result = try await run("""
        POST {{base}}/post
        [Multipart]
        title: report
        upload: file,data.txt; text/plain
        HTTP 200
        [Asserts]
        jsonpath "$.form.title" == "report"
        jsonpath "$.files.upload" == "Hello file"

        """, directory: folder.path)
        expectPassed(result)
    }

    @Test func retriesRepeatAFailingEntryAndDelayWaits() async throws {
        let result = try await run("""
        GET {{base}}/status/503
        [Options]
        retry: 2
        retry-interval: 10ms
        HTTP 200

        """)
        #expect(Array(result.entries)[0].retries == 2)
        #expect(result.exitCode == .assertFailure)
        let clock = ContinuousClock()
        let start = clock.now
        let delayed = try await run("GET {{base}}/get\n[Options]\ndelay: 300\nHTTP 200\n")
        expectPassed(delayed)
        #expect(clock.now - start >= .milliseconds(300))
    }

    @Test func failedAssertsReportLineExpectedAndActual() async throws {
        let result = try await run("""
        GET {{base}}/status/404
        HTTP 200
        [Asserts]
        status < 300
        header "Content-Type" exists

        GET {{base}}/get

        """)
        #expect(!result.passed)
        #expect(result.exitCode == .assertFailure)
        #expect(result.entries.count == 1, "a failed entry stops its file")
        let failed = Array(result.entries)[0].asserts.filter { !$0.passed }
        #expect(failed.map(\.line) == [2, 4])
        #expect(failed.map(\.expression) == ["status == 200", "status < 300"])
        #expect(failed.map(\.actual) == ["404", "404"])
        #expect(failed.map(\.expected) == ["200", "less than 300"])
        #expect(TextReport.failures(result).contains("--> t.hurl:4\n  |\n4 | status < 300\n  |   actual:   404\n  |   expected: less than 300\n"))
    }

    @Test func anUnknownVariableFailsTheEntryBeforeAnythingIsSent() async throws {
        let result = try await run("GET {{base}}/get?id={{nope}}\nHTTP 200\n")
        #expect(result.exitCode == .runtimeError)
        #expect(Array(result.entries)[0].response == nil)
        #expect(Array(result.entries)[0].failure?.message.hasPrefix("unknown variable 'nope'") == true)
    }

    /// Profiles whose credentials are refused once: the first request carries a stale password, and
    /// after the 401 the authorizer renews it, as an expired OAuth 2 token is refreshed.
    private struct RenewingProfiles: AuthProfileResolving {
        struct Authorizer: RequestAuthorizer {
            let profile: String
            func authorize(_ request: HTTPRequest) async throws -> HTTPRequest {
                var request = request
                request.headers.set("Authorization", "Basic " + Data("\(profile):stale".utf8).base64EncodedString())
                return request
            }
            func recover(from response: HTTPResponse, for request: HTTPRequest) async throws -> HTTPRequest? {
                guard response.status == 401 else { return nil }
                var request = request
                request.headers.set("Authorization", "Basic " + Data("\(profile):fresh".utf8).base64EncodedString())
                return request
            }
        }
        func authorizer(forProfile name: String) throws -> any RequestAuthorizer { Authorizer(profile: name) }
    }

    @Test func authProfilesAuthorizeAndRenewOnceAfterA401() async throws {
        let text = "# @auth bin\nGET {{base}}/basic-auth/bin/fresh\nHTTP 200\n[Asserts]\njsonpath \"$.user\" == \"bin\"\n"
        expectPassed(try await run(text, profiles: RenewingProfiles()))
        let without = try await run(text)
        #expect(without.exitCode == .runtimeError)
        #expect(Array(without.entries)[0].failure?.message.contains("auth profile 'bin'") == true)
    }

    @Test func entriesWithoutAProfileAreSentAsWritten() async throws {
        let result = try await run("GET {{base}}/headers\nHTTP 200\n[Asserts]\njsonpath \"$.headers.Authorization\" not exists\n",
                                   profiles: RenewingProfiles())
        expectPassed(result)
    }

    @Test func secretsAndRedactedCapturesAreMasked() async throws {
        let result = try await run("""
        GET {{base}}/headers
        X-Token: {{token}}
        HTTP 200
        [Captures]
        echoed: jsonpath "$.headers['X-Token']" redact
        [Asserts]
        jsonpath "$.headers['X-Token']" == "something else"

        """, variables: ["token": .string("sup3r-s3cret")], secretNames: ["token"])
        let entry = try #require(Array(result.entries).first)
        #expect(entry.captures.first?.value.contains("sup3r-s3cret") == false)
        let failed = try #require(entry.asserts.last)
        #expect(!failed.passed)
        #expect(failed.actual == "\"\(Redactor.mask)\"")
        #expect(!JSONReport.json(RunResult(files: [result], duration: .zero)).contains("sup3r-s3cret"))
    }

    @Test func aDeadServerFailsItsFileAndTheRunGoesOn() async throws {
        let folder = try PackagePaths.temporaryFolder("apish-hurl")
        defer { try? FileManager.default.removeItem(at: folder) }
        let deadPort = FreePort.next()
        let files = [("a-dead.hurl", "GET http://127.0.0.1:\(deadPort)/\nHTTP 200\n"),
                     ("b-ok.hurl", "GET {{base}}/get\nHTTP 200\n"),
                     ("c-broken.hurl", "GET {{base}}/get\nHTTP 20x\n")]
        for (name, text) in files {
            try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        let paths = try HurlFileCollector.collect([folder.path])
        #expect(paths.map { ($0 as NSString).lastPathComponent } == files.map(\.0))
        let configuration = RunConfiguration(variables: ["base": .string(httpbin.baseURL)], jobs: 3)
        let result = await HurlRunner(transport: transport, configuration: configuration).run(paths: paths)
        await transport.shutdown()
        #expect(result.files.map(\.exitCode) == [.runtimeError, .success, .parseError])
        #expect(Array(result.files[0].entries)[0].failure?.message.contains("127.0.0.1") == true)
        #expect(result.exitCode == .parseError)
        #expect(TextReport.summary(result).hasSuffix("1 passed, 2 failed\n"))
    }

    @Test func failFastStartsNoFileAfterAFailure() async throws {
        let folder = try PackagePaths.temporaryFolder("apish-hurl")
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, status) in [("1.hurl", 500), ("2.hurl", 200), ("3.hurl", 200)] {
            try "GET {{base}}/status/\(status)\nHTTP 200\n".write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        let configuration = RunConfiguration(variables: ["base": .string(httpbin.baseURL)], jobs: 1, failFast: true)
        let result = await HurlRunner(transport: transport, configuration: configuration).run(paths: try HurlFileCollector.collect([folder.path]))
        await transport.shutdown()
        #expect(result.files.count == 1)
        #expect(result.exitCode == .assertFailure)
    }
}

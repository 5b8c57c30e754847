import Foundation
import HTTPExchange
import Hurl
import Testing
import TestSupport
import Transport
@testable import Runner

/// Hurl files as Hurl runs them, against httpbin (PyPI) on 127.0.0.1.
@Suite(.serialized) final class RunnerParityTests {
    let httpbin: PeerServer

    init() throws {
        httpbin = try PeerServer.httpbin()
    }

    deinit {
        httpbin.stop()
    }

    private func run(_ text: String, configure: (inout RunConfiguration) -> Void = { _ in }) async throws -> FileResult {
        let jar = CookieJar()
        let transport = HTTPTransport(cookieJar: jar)
        var configuration = RunConfiguration(variables: ["base": .string(httpbin.baseURL), "port": .integer(httpbin.port)])
        configuration.cookieJar = jar
        configure(&configuration)
        let result = await HurlRunner(transport: transport, configuration: configuration).run(try HurlParser.parse(text, fileName: "t.hurl"))
        await transport.shutdown()
        return result
    }

    private func expectPassed(_ result: FileResult, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(result.passed, "\(TextReport.failures(result))", sourceLocation: sourceLocation)
    }

    @Test func theRunsUserSignsEveryEntryUnlessTheEntrySaysOtherwise() async throws {
        let result = try await run("""
        GET {{base}}/basic-auth/bob/secret
        HTTP 200

        GET {{base}}/basic-auth/ada/lovelace
        [Options]
        user: ada:lovelace
        HTTP 200

        GET {{base}}/basic-auth/bob/secret
        [BasicAuth]
        bob: wrong
        HTTP 401
        """) { $0.user = "bob:secret" }
        expectPassed(result)
        #expect(result.entries.count == 3)
    }

    @Test func urlUserinfoBecomesBasicAuthAndLeavesTheURL() async throws {
        let result = try await run("""
        GET http://bob%40email.com:s%3Acret@127.0.0.1:{{port}}/basic-auth/bob@email.com/s:cret
        HTTP 200
        [Asserts]
        url == "http://127.0.0.1:{{port}}/basic-auth/bob@email.com/s:cret"

        GET http://ada:lovelace@127.0.0.1:{{port}}/headers
        HTTP 200
        [Asserts]
        jsonpath "$.headers.Authorization" == "Basic YWRhOmxvdmVsYWNl"
        """)
        expectPassed(result)
    }

    @Test func anEmptyHeaderIsSent() async throws {
        expectPassed(try await run("""
        GET {{base}}/headers
        X-Empty;
        HTTP 200
        [Asserts]
        jsonpath "$.headers['X-Empty']" == ""
        """))
    }

    @Test func jsonScalarBodiesAreSentAndCompared() async throws {
        expectPassed(try await run("""
        POST {{base}}/anything
        "Hello"
        HTTP 200
        [Asserts]
        jsonpath "$.json" == "Hello"
        jsonpath "$.headers['Content-Type']" == "application/json"

        POST {{base}}/anything
        100
        HTTP 200
        [Asserts]
        jsonpath "$.data" == "100"
        jsonpath "$.json" == 100

        GET {{base}}/base64/MTAw
        HTTP 200
        100
        """))
    }

    @Test func requestCookiesGoWithSessionCookiesAndAreNotKept() async throws {
        expectPassed(try await run("""
        GET {{base}}/cookies/set?flavor=chocolate
        HTTP 302

        GET {{base}}/headers
        [Cookies]
        extra: yes
        HTTP 200
        [Asserts]
        jsonpath "$.headers.Cookie" == "flavor=chocolate; extra=yes"

        GET {{base}}/headers
        HTTP 200
        [Asserts]
        jsonpath "$.headers.Cookie" == "flavor=chocolate"
        """))
    }

    @Test func aCookieTheServerDeletesIsNoLongerSent() async throws {
        expectPassed(try await run("""
        GET {{base}}/cookies/set?flavor=chocolate&kind=dark
        HTTP 302

        GET {{base}}/cookies/delete?flavor
        HTTP 302
        [Asserts]
        cookie "flavor" == ""
        cookie "flavor[Max-Age]" == 0

        GET {{base}}/response-headers
        [Query]
        Set-Cookie: kind=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT
        HTTP 200

        GET {{base}}/headers
        [Cookies]
        own: 1
        HTTP 200
        [Asserts]
        jsonpath "$.headers.Cookie" == "own=1"
        """))
    }
}

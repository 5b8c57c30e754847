import HTTPExchange
import Testing
@testable import Transport

/// `HTTP_PROXY`, `HTTPS_PROXY` and `NO_PROXY` as curl reads them: either case, with or without a
/// scheme, credentials in the proxy URL left out of where to connect.
@Suite struct ProxySettingsTests {
    private func proxy(_ environment: [String: String], for url: String) throws -> ProxySettings.Proxy? {
        ProxySettings(environment: environment).proxy(for: try #require(RequestURL(url)))
    }

    @Test func eachSchemeHasItsProxy() throws {
        let environment = ["http_proxy": "http://plain.test:3128", "HTTPS_PROXY": "https://secure.test"]
        #expect(try proxy(environment, for: "http://api.test/x") == .init(host: "plain.test", port: 3128))
        #expect(try proxy(environment, for: "https://api.test/x") == .init(host: "secure.test", port: 443))
        #expect(try proxy([:], for: "http://api.test/x") == nil)
    }

    @Test func aProxyWithoutSchemeIsHTTPAndUserinfoIsNotTheHost() throws {
        #expect(try proxy(["http_proxy": "bare.test:8080"], for: "http://api.test/") == .init(host: "bare.test", port: 8080))
        #expect(try proxy(["http_proxy": "http://user:pw@auth.test:3128"], for: "http://api.test/") == .init(host: "auth.test", port: 3128))
        // The scheme is found by bytes: a combining mark after `//` does not make it look absent.
        #expect(try proxy(["http_proxy": "http://\u{301}p.test:1"], for: "http://api.test/") == .init(host: "\u{301}p.test", port: 1))
    }

    @Test func noProxyExcludesDomainsAndTheirSubdomains() throws {
        let environment = ["http_proxy": "http://p.test:3128", "no_proxy": " .internal.test , localhost"]
        #expect(try proxy(environment, for: "http://api.internal.test/") == nil)
        #expect(try proxy(environment, for: "http://internal.test/") == nil)
        #expect(try proxy(environment, for: "http://localhost:8080/") == nil)
        #expect(try proxy(environment, for: "http://notinternal.test/") == .init(host: "p.test", port: 3128))
        #expect(try proxy(["http_proxy": "http://p.test:3128", "NO_PROXY": "*"], for: "http://any.test/") == nil)
    }
}

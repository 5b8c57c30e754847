import HTTPExchange
import Testing

/// The one rule for which auth profile signs a request.
@Suite struct AuthPolicyTests {
    let policy = AuthPolicy(defaultProfile: "basic", origins: ["http://127.0.0.1:8181", "api.example.test", "other.test:8443"])

    func request(_ url: String, authorization: String? = nil) -> HTTPRequest {
        var request = HTTPRequest(method: "GET", url: url)
        if let authorization { request.headers.set("Authorization", authorization) }
        return request
    }

    @Test func theDefaultSignsOnlyItsOrigins() {
        #expect(policy.choose(named: nil, for: request("http://127.0.0.1:8181/api/contacts")) == .profile("basic"))
        #expect(policy.choose(named: nil, for: request("http://127.0.0.1:9999/headers"))
                == .withheld(profile: "basic", origin: "http://127.0.0.1:9999"))
        #expect(policy.choose(named: nil, for: request("http://example.invalid/x"))
                == .withheld(profile: "basic", origin: "http://example.invalid"))
        #expect(policy.choose(named: nil, for: request("https://api.example.test/v1")) == .profile("basic"))
        #expect(policy.choose(named: nil, for: request("https://api.example.test:444/v1"))
                == .withheld(profile: "basic", origin: "https://api.example.test:444"))
        #expect(policy.choose(named: nil, for: request("https://other.test:8443/")) == .profile("basic"))
        #expect(policy.choose(named: nil, for: request("https://127.0.0.1:8181/")) == .withheld(profile: "basic", origin: "https://127.0.0.1:8181"))
    }

    @Test func aNamedProfileIsConsentAnywhere() {
        #expect(policy.choose(named: "oauth2", for: request("http://example.invalid/x")) == .profile("oauth2"))
        #expect(policy.choose(named: "none", for: request("http://127.0.0.1:8181/")) == .none)
    }

    @Test func aTypedAuthorizationHeaderKeepsTheDefaultAway() {
        #expect(policy.choose(named: nil, for: request("http://127.0.0.1:8181/", authorization: "Bearer x")) == .none)
        #expect(policy.choose(named: "basic", for: request("http://127.0.0.1:8181/", authorization: "Bearer x")) == .profile("basic"))
    }

    @Test func withoutOriginsTheDefaultSignsAnywhere() {
        let run = AuthPolicy(defaultProfile: "ci")
        #expect(run.choose(named: nil, for: request("http://example.invalid/x")) == .profile("ci"))
        #expect(AuthPolicy().choose(named: nil, for: request("http://example.invalid/x")) == .none)
    }
}

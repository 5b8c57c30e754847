import HTTPExchange
import Testing

@Suite struct TemplateTests {
    @Test func expandsVariablesAndKeepsText() throws {
        let template = Template("/api/contacts/{{id}}/edit?x={{ mode }}")
        #expect(template.variableNames == ["id", "mode"])
        #expect(try template.expand(["id": "7", "mode": "full"]) == "/api/contacts/7/edit?x=full")
    }

    @Test func unknownVariableIsAnErrorNamingIt() {
        #expect(throws: UnknownVariableError(name: "token")) { try Template("Bearer {{token}}").expand([String: String]()) }
    }

    @Test func namesFollowHurlsRule() {
        #expect(throws: UnknownVariableError(name: "user.id")) { try Template("/users/{{user.id}}").expand(["user.id": "7"]) }
        #expect(UnknownVariableError(name: "user.id").description.contains("not a variable name"))
        #expect(UnknownVariableError(name: "user_id").description.contains("unknown variable 'user_id'"))
    }

    @Test func bracesThatAreNotVariablesStayText() throws {
        #expect(try Template("{{ not a name }} and {{}}").expand([String: String]()) == "{{ not a name }} and {{}}")
        #expect(try Template("{{unclosed").expand([String: String]()) == "{{unclosed")
    }

    @Test func layersResolveFirstWinsAndSecretsAreMasked() throws {
        let variables = Variables(layers: [["a": "env"]]).overlaid(with: ["password": "hunter22"], secret: true)
            .overlaid(with: ["a": "session"])
        #expect(variables.value(of: "a") == "session")
        #expect(variables.isSecret("password"))
        #expect(try Template("pw={{password}}, a={{a}}").expand(variables.maskingSecrets()) == "pw=\(Redactor.mask), a=session")
        #expect(Redactor(secrets: variables.secretValues).query("pw=hunter22&x=hunter22-ish") == "pw=\(Redactor.mask)&x=hunter22-ish")
    }
}

@Suite struct RequestURLTests {
    @Test(arguments: [
        ("/api/contacts", "http://127.0.0.1:8181", "http://127.0.0.1:8181/api/contacts"),
        ("api/contacts", "http://127.0.0.1:8181/", "http://127.0.0.1:8181/api/contacts"),
        ("https://other.test/x", "http://127.0.0.1:8181", "https://other.test/x"),
        (":8080/status", "http://ignored", "http://localhost:8080/status"),
        ("example.test/path", nil, "http://example.test/path"),
    ] as [(String, String?, String)])
    func resolves(target: String, base: String?, expected: String) throws {
        #expect(try RequestURL.resolve(target, baseURL: base) == expected)
    }

    @Test func relativeWithoutBaseSaysWhatToDo() {
        #expect(throws: URLResolutionError.relativeWithoutBase("/api")) { try RequestURL.resolve("/api", baseURL: nil) }
    }

    @Test func splitsAuthorityPathAndQuery() throws {
        let url = try #require(RequestURL("https://User@Example.com:8443/a/b?where%5B0%5D=x&e=&p=a+b#frag"))
        #expect(url.host == "example.com")
        #expect(url.port == 8443)
        #expect(url.path == "/a/b")
        #expect(url.withoutQuery == "https://example.com:8443/a/b")
        #expect(url.queryPairs.map { "\($0.0)=\($0.1)" } == ["where[0]=x", "e=", "p=a b"])
        #expect(RequestURL("http://[::1]:80/")?.origin == "http://[::1]")
        #expect(RequestURL("ftp://x/") == nil)
        #expect(RequestURL("http://:80/") == nil)
    }

    @Test func appendsEncodedQuery() {
        #expect(RequestURL.appendingQuery([("search", "a b&c"), ("where[0][val]", "%mayank%")], to: "http://h/p?x=1#f")
            == "http://h/p?x=1&search=a%20b%26c&where%5B0%5D%5Bval%5D=%25mayank%25#f")
    }

    @Test func normalizesTypedURLsWithoutDoubleEncoding() {
        #expect(PercentEncoding.normalizedURL("http://[::1]:8/a b/é?where[0][val]=%25x%&q=1|2#frag ment")
            == "http://[::1]:8/a%20b/%C3%A9?where%5B0%5D%5Bval%5D=%25x%25&q=1%7C2#frag ment")
        #expect(PercentEncoding.normalizedURL("https://h.test/ok/path?a=%20") == "https://h.test/ok/path?a=%20")
    }

    /// The scheme is found by bytes, in any case: a combining mark after `//` joins the `/` into one
    /// Character and would hide it from a Character comparison (found through the curl importer).
    @Test func theSchemeIsFoundByBytesInAnyCase() throws {
        #expect(RequestURL.hasHTTPScheme("HTTPS://x.test"))
        #expect(RequestURL.hasHTTPScheme("http://\u{073E}host/x"))
        #expect(!RequestURL.hasHTTPScheme("ftp://x.test"))
        #expect(!RequestURL.hasHTTPScheme("http:/x"))
        // Taken as the absolute URL it is (and refused as one), not as a path under the base URL.
        #expect(throws: URLResolutionError.invalid("http://\u{073E}host/x")) {
            try RequestURL.resolve("http://\u{073E}host/x", baseURL: "http://127.0.0.1")
        }
    }
}

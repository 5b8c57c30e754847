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
        #expect(url.authority == "example.com:8443")
        #expect(RequestURL("https://h.test:443/x")?.authority == "h.test")
        #expect(RequestURL("http://[::1]:8080/")?.authority == "[::1]:8080")
        #expect(RequestURL("http://[::1]:8080/")?.origin == "http://[::1]:8080")
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
        // Taken as the absolute URL it is, not as a path under the base URL, and read by the same bytes.
        #expect(try RequestURL.resolve("http://\u{073E}host/x", baseURL: "http://127.0.0.1") == "http://\u{073E}host/x")
        let url = try #require(RequestURL("http://\u{073E}host:8080/x\u{301}?q=\u{301}#\u{301}"))
        #expect(url.host == "\u{073E}host")
        #expect(url.port == 8080)
        #expect(url.path == "/x\u{301}")
        #expect(url.query == "q=\u{301}")
    }

    @Test func urlTextCutsTheAuthorityAndPutsItBackByteForByte() throws {
        let text = "HTTPS://us%40er:p:w@h\u{301}.test:8443/a?b=@#c"
        let parts = try #require(URLText(text))
        #expect(parts.scheme == "HTTPS")
        #expect(parts.schemePrefix == "HTTPS://")
        #expect(parts.userinfo == "us%40er:p:w")
        #expect(parts.user == "us%40er")
        #expect(parts.password == "p:w")
        #expect(parts.hostAndPort == "h\u{301}.test:8443")
        #expect(parts.rest == "/a?b=@#c")
        #expect(parts.schemePrefix + parts.userinfo! + "@" + parts.hostAndPort + parts.rest == text)
        let bare = try #require(URLText("http://h.test"))
        #expect(bare.userinfo == nil && bare.user == nil && bare.password == nil)
        #expect(bare.rest.isEmpty)
        #expect(URLText("http://user@h.test/")?.password == nil)
        #expect(URLText("mailto:x@h.test") == nil)
    }

    /// On random texts of delimiters, letters and combining marks: nil only without `://`; otherwise the
    /// pieces give the text back byte for byte, the authority holds no `/`, `?` or `#`, and the host no `@`.
    @Test func urlTextPiecesAlwaysGiveTheTextBack() {
        let alphabet: [String] = [":", "/", "//", "://", "@", "?", "#", "[", "]", "a", "B", "9", "\u{301}", "é", "%40", " "]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var parsed = 0
        for _ in 0..<3000 {
            let text = (0..<next(14)).map { _ in alphabet[next(alphabet.count)] }.joined()
            guard let parts = URLText(text) else {
                let bytes = Array(text.utf8)
                #expect(!bytes.indices.contains { bytes[$0...].starts(with: "://".utf8) }, "\(text)")
                continue
            }
            parsed += 1
            let userinfo = parts.userinfo.map { $0 + "@" } ?? ""
            #expect(Array((parts.schemePrefix + userinfo + parts.hostAndPort + parts.rest).utf8) == Array(text.utf8))
            let authority = Array((userinfo + parts.hostAndPort).utf8)
            #expect(!authority.contains { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") })
            #expect(!parts.hostAndPort.utf8.contains(UInt8(ascii: "@")))
            #expect(parts.schemePrefix.utf8.suffix(3).elementsEqual("://".utf8))
        }
        #expect(parsed > 300)
    }

    /// The delimiters are found by bytes everywhere: a combining mark after `@`, `:`, `/`, `?` or `]`
    /// does not hide it.
    @Test func delimitersFollowedByCombiningMarksAreStillDelimiters() throws {
        let userinfo = try #require(RequestURL("https://user@\u{301}h.test/"))
        #expect(userinfo.host == "\u{301}h.test")
        let ipv6 = try #require(RequestURL("http://[::1]:81/\u{301}"))
        #expect(ipv6.host == "[::1]")
        #expect(ipv6.port == 81)
        #expect(ipv6.path == "/\u{301}")
        #expect(RequestURL("http://h.test:\u{301}80/") == nil)
        let query = try #require(RequestURL("http://h.test?\u{301}a=1"))
        #expect(query.path == "/")
        #expect(query.query == "\u{301}a=1")
    }
}

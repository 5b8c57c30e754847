import HTTPExchange
import Testing

@Suite struct RequestSpecTests {
    let noFiles: (String) throws -> [UInt8] = { path in throw TestFileError(path: path) }
    struct TestFileError: Error { let path: String }

    @Test func fieldsBecomeAJSONObjectInOrder() throws {
        let spec = RequestSpec(method: "post", target: "/api/contacts/new", items: [
            try RequestItem.parse("lastname=Byron"), try RequestItem.parse("points:=9223372036854775807"),
            try RequestItem.parse("firstname={{first}}"), try RequestItem.parse("X-Trace:{{first}}"),
        ])
        let request = try spec.build(variables: ["first": "Ada"], baseURL: "http://127.0.0.1:9", readFile: noFiles)
        #expect(request.method == "POST")
        #expect(request.url == "http://127.0.0.1:9/api/contacts/new")
        #expect(request.body == .bytes(Array(#"{"lastname":"Byron","points":9223372036854775807,"firstname":"Ada"}"#.utf8)))
        #expect(request.headers["Content-Type"] == "application/json")
        #expect(request.headers["X-Trace"] == "Ada")
    }

    @Test func typedHeadersReplaceDefaultsAndEmptyOnesRemoveThem() throws {
        let spec = RequestSpec(method: "GET", target: "http://h/", items: [
            try RequestItem.parse("User-Agent:mine"), try RequestItem.parse("Accept:"),
        ])
        let request = try spec.build(variables: [String: String](), baseURL: nil, readFile: noFiles)
        #expect(request.headers.values("User-Agent") == ["mine"])
        #expect(!request.headers.contains("Accept"))
    }

    @Test func formModeKeepsPairsAndMultipartTakesFiles() throws {
        var spec = RequestSpec(method: "POST", target: "http://h/", items: [try RequestItem.parse("a=1"), try RequestItem.parse("a=2")], bodyMode: .form)
        #expect(try spec.build(variables: [String: String](), baseURL: nil, readFile: noFiles).body
            == .form([FormField(name: "a", value: "1"), FormField(name: "a", value: "2")]))
        spec.items.append(try RequestItem.parse("doc@/tmp/x.txt"))
        guard case .multipart(let parts) = try spec.build(variables: [String: String](), baseURL: nil, readFile: noFiles).body else {
            Issue.record("expected multipart")
            return
        }
        #expect(parts.count == 3)
    }

    @Test func errorsNameWhatIsWrong() throws {
        let unknown = RequestSpec(method: "GET", target: "/api/contacts/{{id}}")
        #expect(throws: RequestBuildError.unknownVariable("id")) {
            try unknown.build(variables: [String: String](), baseURL: "http://h", readFile: noFiles)
        }
        let badJSON = RequestSpec(method: "POST", target: "http://h/", items: [try RequestItem.parse("n:=nope")])
        #expect(throws: RequestBuildError.self) { try badJSON.build(variables: [String: String](), baseURL: nil, readFile: noFiles) }
        let upload = RequestSpec(method: "POST", target: "http://h/", items: [try RequestItem.parse("f@x")])
        #expect(throws: RequestBuildError.fileUploadNeedsForm(name: "f")) {
            try upload.build(variables: [String: String](), baseURL: nil, readFile: noFiles)
        }
        let missing = RequestSpec(method: "POST", target: "http://h/", items: [try RequestItem.parse("bio=@gone.txt")])
        #expect(throws: RequestBuildError.unreadableFile(path: "gone.txt", reason: "TestFileError(path: \"gone.txt\")")) {
            try missing.build(variables: [String: String](), baseURL: nil, readFile: noFiles)
        }
    }

    @Test func rawBodyLooksLikeJSONGetsItsType() throws {
        let spec = RequestSpec(method: "POST", target: "http://h/", rawBody: "  {\"a\": {{n}}}")
        let request = try spec.build(variables: ["n": "1"], baseURL: nil, readFile: noFiles)
        #expect(request.body == .bytes(Array("  {\"a\": 1}".utf8)))
        #expect(request.headers["Content-Type"] == "application/json")
    }
}

@Suite struct CookieJarTests {
    @Test func storesAndReturnsCookiesByDomainPathAndExpiry() throws {
        let jar = CookieJar()
        let url = try #require(RequestURL("http://api.example.test/app/login"))
        jar.store(setCookieHeaders: [
            "session=abc; Path=/; HttpOnly", "wide=1; Domain=example.test; Path=/", "scoped=1", "gone=x; Max-Age=0",
            "evil=1; Domain=other.test", "old=1; Expires=Wed, 21 Oct 2015 07:28:00 GMT",
        ], from: url, now: 1_700_000_000)
        #expect(jar.header(for: try #require(RequestURL("http://api.example.test/x")), now: 1_700_000_001) == "session=abc; wide=1")
        #expect(jar.header(for: try #require(RequestURL("http://www.example.test/")), now: 1_700_000_001) == "wide=1")
        // Without a Path attribute a cookie belongs to the folder of the URL that set it (RFC 6265 §5.1.4).
        #expect(jar.header(for: try #require(RequestURL("http://api.example.test/app/other")), now: 1_700_000_001) == "session=abc; wide=1; scoped=1")
        #expect(jar.header(for: try #require(RequestURL("http://other.test/")), now: 1_700_000_001) == nil)
    }

    /// Found by the http-response fuzz target: an attribute that is only `=` stopped the process.
    @Test func attributesWithoutANameAreIgnored() throws {
        let jar = CookieJar()
        let url = try #require(RequestURL("http://api.example.test/"))
        jar.store(setCookieHeaders: ["a=1; =", "b=2; =x; Path=/; ==", "c=3;;= ; Secure"], from: url, now: 0)
        #expect(jar.header(for: url, now: 1) == "a=1; b=2")
        #expect(jar.all.map(\.name) == ["a", "b", "c"])
    }
}

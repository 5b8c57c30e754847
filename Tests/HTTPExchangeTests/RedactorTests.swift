import HTTPExchange
import JSON
import Testing

/// Secrets are masked where they were placed, and text that merely shares their letters is kept.
@Suite struct RedactorTests {
    let redactor = Redactor(secrets: ["mautic", "tok-123"])

    @Test func urlsMaskUserinfoSecretSegmentsAndCredentialParameters() {
        #expect(redactor.url("http://127.0.0.1:9/anything/mautic-docs?q=mautic-docs") == "http://127.0.0.1:9/anything/mautic-docs?q=mautic-docs")
        #expect(redactor.url("http://h.test/a/mautic/b?x=mautic&y=1") == "http://h.test/a/••••••/b?x=••••••&y=1")
        #expect(redactor.url("https://bob:pa55@h.test/p?access_token=zzz&limit=5#top") == "https://bob:••••••@h.test/p?access_token=••••••&limit=5#top")
        #expect(redactor.url("https://h.test/p?api_key=&next") == "https://h.test/p?api_key=&next")
    }

    /// A combining mark after `@` made it one Character with the `@`, which a search by Characters did
    /// not find: the password was shown, and never registered as a credential.
    @Test func aUserinfoPasswordIsMaskedWhateverFollowsTheAt() {
        #expect(redactor.url("https://bob:pa55@\u{301}h.test/p") == "https://bob:••••••@\u{301}h.test/p")
        #expect(redactor.url("https://bob:pa55@h.test@\u{301}x/p") == "https://bob:••••••@\u{301}x/p")
        let request = HTTPRequest(method: "GET", url: "https://bob:pa%2055@\u{301}h.test/p")
        #expect(Redactor.credentials(in: request) == ["pa 55"])
    }

    /// The same for every delimiter the masking splits at: a combining mark after `=`, `&`, `/`, `?`,
    /// `;` or `,` used to leave a credential's name and value in one piece that nothing masked.
    @Test func credentialsAreMaskedWhateverFollowsTheirDelimiter() {
        #expect(redactor.url("https://h.test/p?access_token=\u{301}zzz&limit=5") == "https://h.test/p?access_token=••••••&limit=5")
        #expect(redactor.url("https://h.test/p?limit=5&\u{301}x=1&api_key=k") == "https://h.test/p?limit=5&\u{301}x=1&api_key=••••••")
        #expect(redactor.url("https://h.test/a/\u{301}/mautic?\u{301}q=1") == "https://h.test/a/\u{301}/••••••?\u{301}q=1")
        #expect(redactor.query("password=\u{301}pw&user=a") == "password=••••••&user=a")
        #expect(redactor.headerValue("a=\u{301}one;b=two", name: "Cookie") == "a=••••••;b=••••••")
        #expect(redactor.headerValue(#"OAuth oauth_token="t",\#u{301}x="1",oauth_signature=\#u{301}sig"#, name: "Authorization")
            == #"OAuth oauth_token="••••••",\#u{301}x="1",oauth_signature=••••••"#)
        let request = HTTPRequest(method: "GET", url: "https://h.test/p?access_token=\u{301}zzz")
        #expect(Redactor.credentials(in: request) == ["\u{301}zzz"])
        #expect(PercentEncoding.decodePairs("a=\u{301}1&&b=2").map { [$0.0, $0.1] } == [["a", "\u{301}1"], ["b", "2"]])
    }

    @Test func headersKeepTheirSchemeAndNames() {
        #expect(redactor.headerValue("Bearer tok-123", name: "Authorization") == "Bearer ••••••")
        #expect(redactor.headerValue("anything", name: "X-Api-Key") == "••••••")
        #expect(redactor.headerValue("sid=1; theme=dark", name: "Cookie") == "sid=••••••; theme=••••••")
        #expect(redactor.headerValue("mautic-client/1.0", name: "User-Agent") == "mautic-client/1.0")
        #expect(redactor.headerValue("mautic", name: "X-Note") == "••••••")
        let oauth = #"OAuth oauth_consumer_key="key", oauth_token="t1", oauth_signature="c2lnbg%3D%3D", oauth_nonce="n""#
        #expect(redactor.headerValue(oauth, name: "Authorization")
                == #"OAuth oauth_consumer_key="key", oauth_token="••••••", oauth_signature="••••••", oauth_nonce="n""#)
    }

    @Test func jsonMasksCredentialMembersSecretValuesAndURLsCarryingThem() throws {
        let document = try JSONValue.parse(#"{"access_token":"abc","note":"mautic-docs","list":["mautic",1],"url":"http://h/get?access_token=abc","Authorization":"Basic x"}"#)
        let masked = try #require(redactor.json(document))
        #expect(masked.serialized() == #"{"access_token":"••••••","note":"mautic-docs","list":["••••••",1],"url":"http://h/get?access_token=••••••","Authorization":"••••••"}"#)
        #expect(redactor.json(try JSONValue.parse(#"{"a":"mautic-x","n":5}"#)) == nil)
    }

    @Test func requestsAreRedactedInEveryPlacement() {
        let request = HTTPRequest(
            method: "POST", url: "http://h.test/x?token=1",
            headers: ["Content-Type": "application/x-www-form-urlencoded", "Proxy-Authorization": "Basic abc"],
            body: .bytes(Array("password=hunter2&user=mautic-fan".utf8)))
        let shown = redactor.request(request)
        #expect(shown.url == "http://h.test/x?token=••••••")
        #expect(shown.headers["Proxy-Authorization"] == "Basic ••••••")
        #expect(shown.body == .bytes(Array("password=••••••&user=mautic-fan".utf8)))
        let form = redactor.request(HTTPRequest(method: "POST", url: "http://h.test/", body: .form([
            FormField(name: "client_secret", value: "s"), FormField(name: "name", value: "mautic"), FormField(name: "city", value: "Porto"),
        ])))
        #expect(form.body == .form([FormField(name: "client_secret", value: "••••••"), FormField(name: "name", value: "••••••"),
                                    FormField(name: "city", value: "Porto")]))
    }

    @Test func composedLinesMaskWholeFieldsOnly() {
        #expect(redactor.fields("auth profile 'mautic-oauth1': no token") == "auth profile 'mautic-oauth1': no token")
        #expect(redactor.fields(#"base64("admin:mautic") then mautic."#) == #"base64("admin:••••••") then ••••••."#)
        #expect(redactor.fields("a=1%26password%3Dmautic%26b") == "a=1%26password%3D••••••%26b")
        #expect(Redactor.namesOnly.fields("mautic") == "mautic")
    }

    @Test func theCredentialsARequestCarriesAreFoundWhereTheyArePlaced() {
        let request = HTTPRequest(
            method: "POST", url: "https://bob:pa%40ss@h.test/x?api_key=k1&q=mautic-docs",
            headers: ["Authorization": "Bearer t0k", "X-Auth-Token": "t2", "Accept": "application/json"],
            body: .bytes(Array(#"{"user": "ada", "nested": {"password": "pw3"}}"#.utf8)))
        #expect(Set(Redactor.credentials(in: request)) == ["t0k", "t2", "k1", "pa@ss", "pw3"])
    }

    @Test func aJSONDocumentInsideAStringIsRedactedAsADocument() throws {
        let echo = try JSONValue.parse(#"{"data": "{\"password\":\"pw3\",\"n\":1}", "text": "{not json"}"#)
        let masked = try #require(Redactor.namesOnly.json(echo))
        #expect(masked.serialized() == #"{"data":"{\"password\":\"••••••\",\"n\":1}","text":"{not json"}"#)
    }
}

import HTTPExchange
import Hurl
import Interop
import Testing

@Suite("curl import")
struct CurlImportTests {
    func request(_ command: String) throws -> HTTPRequest {
        try CurlImporter.parse(command).httpRequest { path in throw CorpusError(message: "no file \(path)") }
    }

    @Test("a plain GET with quoted headers")
    func get() throws {
        let parsed = try CurlImporter.parse(#"curl 'https://api.example.com/v1/items?limit=5' -H 'Accept: application/json' -H "X-Trace: a b""#)
        #expect(parsed.method == "GET")
        #expect(parsed.url == "https://api.example.com/v1/items?limit=5")
        #expect(parsed.headers == ["Accept": "application/json", "X-Trace": "a b"])
        #expect(parsed.body == .none)
    }

    @Test("-d pieces join with & and make a form POST; -X wins")
    func data() throws {
        let request = try request("curl -d a=1 --data 'b=2 3' https://x.test/f")
        #expect(request.method == "POST")
        #expect(request.body == .bytes(Array("a=1&b=2 3".utf8)))
        #expect(request.headers["Content-Type"] == "application/x-www-form-urlencoded")
        #expect(try CurlImporter.parse("curl -X PUT -d x https://x.test").method == "PUT")
        #expect(try CurlImporter.parse("curl -XDELETE https://x.test").method == "DELETE")
    }

    @Test("--data-raw, --data-binary, --data-urlencode, --json")
    func dataKinds() throws {
        #expect(try request("curl --data-raw '@literal' https://x.test").body == .bytes(Array("@literal".utf8)))
        #expect(try request("curl --data-urlencode 'q=a b&c' --data-urlencode '=é' https://x.test").body
            == .bytes(Array("q=a+b%26c&%C3%A9".utf8)))
        let encoded = try CurlImporter.parse("curl --data-urlencode note@note.txt --data-urlencode @raw.txt https://x.test")
        #expect(encoded.body == .data([.encodedFile(name: "note", path: "note.txt"), .encodedFile(name: nil, path: "raw.txt")], joiner: "&"))
        #expect(try encoded.httpRequest { _ in Array("a b&c".utf8) }.body == .bytes(Array("note=a+b%26c&a+b%26c".utf8)))
        let json = try request(#"curl --json '{"a":1}' https://x.test"#)
        #expect(json.method == "POST")
        #expect(json.body == .bytes(Array(#"{"a":1}"#.utf8)))
        #expect(json.headers["Content-Type"] == "application/json")
        #expect(json.headers["Accept"] == "application/json")
        let file = try CurlImporter.parse("curl --data-binary @body.json -H 'Content-Type: application/json' https://x.test")
        #expect(file.body == .data([.file("body.json")], joiner: "&"))
        #expect(file.hurlEntry().request.body?.content == .file("body.json"))
        let read = try file.httpRequest { path in Array("{\"from\":\"\(path)\"}".utf8) }
        #expect(read.body == .bytes(Array(#"{"from":"body.json"}"#.utf8)))
    }

    @Test("-G moves data into the query")
    func get_G() throws {
        let request = try request("curl -G -d q=swift -d page=2 'https://x.test/search?lang=en'")
        #expect(request.method == "GET")
        #expect(request.url == "https://x.test/search?lang=en&q=swift&page=2")
        #expect(request.body == .empty)
    }

    @Test("-F fields and files, -u, -b, -k, -L, --compressed, -A, --url")
    func flags() throws {
        let parsed = try CurlImporter.parse(
            "curl -sSL -k --compressed -u 'ada:p@ss:word' -b 'sid=1; theme=dark' -A apish-test -F name=Ada -F 'photo=@me.png;type=image/png' --url https://x.test/up")
        #expect(parsed.followRedirects && parsed.insecure && parsed.compressed)
        #expect(parsed.user == "ada:p@ss:word")
        #expect(parsed.headers == ["Cookie": "sid=1; theme=dark", "User-Agent": "apish-test"])
        #expect(parsed.method == "POST")
        #expect(parsed.body == .multipart([
            .part(MultipartPart(name: "name", content: .text("Ada"))),
            .part(MultipartPart(name: "photo", content: .file(path: "me.png", fileName: "me.png", contentType: "image/png"))),
        ]))
        let request = try parsed.httpRequest { _ in [] }
        #expect(request.headers["Authorization"] == "Basic YWRhOnBAc3M6d29yZA==")
        let entry = parsed.hurlEntry()
        #expect(entry.request.basicAuth == HurlKeyValue(key: "ada", value: "p@ss:word"))
        #expect(entry.request.options.map(\.name) == ["insecure", "location", "compressed"])
        let hurl = HurlWriter.write(entry)
        #expect(try HurlParser.parse(hurl, fileName: "curl.hurl").entries.map(\.comparable) == [entry.comparable])
    }

    @Test("what browsers copy: line continuations, $'…' quoting, Windows carets")
    func browsers() throws {
        let chrome = """
            curl 'https://x.test/api' \\
              -H 'accept: */*' \\
              -H 'content-type: application/json' \\
              --data-raw $'{"note":"it\\'s\\nfine \\u00e9"}' \\
              --compressed
            """
        let parsed = try CurlImporter.parse(chrome)
        #expect(parsed.headers == ["accept": "*/*", "content-type": "application/json"])
        #expect(parsed.body == .data([.text("{\"note\":\"it's\nfine é\"}")], joiner: "&"))
        let windows = "curl \"https://x.test/api\" ^\r\n  -H \"Accept: text/plain\" ^\r\n  --data-raw \"a=1\""
        let fromWindows = try CurlImporter.parse(windows)
        #expect(fromWindows.headers == ["Accept": "text/plain", "Content-Type": "application/x-www-form-urlencoded"])
        #expect(fromWindows.body == .data([.text("a=1")], joiner: "&"))
    }

    @Test("-F name=<file sends the file's content as a text field")
    func formTextFromFile() throws {
        let parsed = try CurlImporter.parse("curl -F 'bio=<bio.txt' -F 'raw=@x' --form-string 'literal=<kept' https://x.test")
        let request = try parsed.httpRequest { path in Array("content of \(path)".utf8) }
        #expect(request.body == .multipart([
            MultipartPart(name: "bio", content: .text("content of bio.txt")),
            MultipartPart(name: "raw", content: .file(path: "x", fileName: "x", contentType: nil)),
            MultipartPart(name: "literal", content: .text("<kept")),
        ]))
    }

    @Test("a bare host gets http://, a template keeps its own scheme")
    func schemes() throws {
        #expect(try CurlImporter.parse("curl example.com/a").url == "http://example.com/a")
        #expect(try CurlImporter.parse("curl '{{baseUrl}}/a'").url == "{{baseUrl}}/a")
    }

    @Test("bad input names what is wrong")
    func errors() {
        #expect(throws: CurlImportError.unknownOption("--frobnicate")) { try CurlImporter.parse("curl --frobnicate https://x.test") }
        #expect(throws: CurlImportError.missingArgument("-H")) { try CurlImporter.parse("curl https://x.test -H") }
        #expect(throws: CurlImportError.unterminatedQuote("'")) { try CurlImporter.parse("curl 'https://x.test") }
        #expect(throws: CurlImportError.missingURL) { try CurlImporter.parse("curl -H 'A: b'") }
        #expect(throws: CurlImportError.notCurl("wget")) { try CurlImporter.parse("wget https://x.test") }
        #expect(CurlImportError.unknownOption("--frobnicate").description == "unknown curl option '--frobnicate'")
    }

    /// Found by the curl-import fuzz target: `-X` with a space or a dot wrote a Hurl entry that did not parse.
    @Test("a method that is not a word of letters is refused")
    func invalidMethod() throws {
        #expect(throws: CurlImportError.invalidMethod("PO ST")) { try CurlImporter.parse("curl -X 'PO ST' https://x.test") }
        #expect(throws: CurlImportError.invalidMethod("M-SEARCH")) { try CurlImporter.parse("curl -X M-SEARCH https://x.test") }
        #expect(CurlImportError.invalidMethod("PO ST").description
            == "'PO ST' cannot be a request method: use letters only, such as GET or PROPFIND")
        #expect(try CurlImporter.parse("curl -X propfind https://x.test").method == "PROPFIND")
    }

    /// Found by the curl-import fuzz target: `-F =x` wrote a multipart field with an empty key, `-F a=@`
    /// a `file,;` with no name, and a name starting with a backquote a line the Hurl parser read as a body.
    @Test("a form field without a name is refused; any other name reads back")
    func formFieldNames() throws {
        #expect(throws: CurlImportError.unnamedFormField("=x")) { try CurlImporter.parse("curl -F =x https://x.test") }
        #expect(throws: CurlImportError.unnamedFormField("x")) { try CurlImporter.parse("curl -F x https://x.test") }
        #expect(throws: CurlImportError.formFieldWithoutFile("a=@")) { try CurlImporter.parse("curl -F a=@ https://x.test") }
        #expect(throws: CurlImportError.formFieldWithoutFile("a=<;type=text/plain")) { try CurlImporter.parse("curl -F 'a=<;type=text/plain' https://x.test") }
        #expect(CurlImportError.unnamedFormField("=x").description
            == "curl form field '=x' has no name, which a Hurl multipart field needs: write -F name=content")
        for name in ["`a", "[b]", "{c", "<d", "base64,e", "{{f"] {
            let text = HurlWriter.write(try CurlImporter.parse("curl -F '\(name)=v' https://x.test").hurlEntry())
            let field = try HurlParser.parse(text, fileName: "x.hurl").entries.first?.request.sections.first
            guard case .multipart(let fields)? = field?.content else { Issue.record("no multipart section in \(text)"); continue }
            #expect(fields.first?.name == HurlTemplate(text: name), "\(text)")
        }
    }

    /// Found by the curl-import fuzz target: `--json '@'` wrote a body `file,;` with no name, which does
    /// not parse; `@` alone names no file for any of the data options.
    @Test("a data option whose @ names no file is refused")
    func dataWithoutFile() throws {
        for option in ["-d", "--data-binary", "--json"] {
            #expect(throws: CurlImportError.dataWithoutFile(option: option)) { try CurlImporter.parse("curl \(option) @ https://x.test") }
        }
        #expect(throws: CurlImportError.dataWithoutFile(option: "--data-urlencode")) { try CurlImporter.parse("curl --data-urlencode name@ https://x.test") }
        #expect(try request("curl --data-raw @ https://x.test").body == .bytes(Array("@".utf8)))
        #expect(CurlImportError.dataWithoutFile(option: "--json").description
            == "curl --json '@' names no file: write @FILE, or --data-raw '@' for the character itself")
    }

    /// Found by the curl-import fuzz target: `-u :` wrote a `[BasicAuth]` line with no user name, which
    /// does not parse.
    @Test("-u with an empty user name is written as the Authorization header it sends")
    func emptyBasicUser() throws {
        let text = HurlWriter.write(try CurlImporter.parse("curl -u :secret https://x.test").hurlEntry())
        let request = try #require(try HurlParser.parse(text, fileName: "x.hurl").entries.first?.request)
        #expect(request.sections.isEmpty, "\(text)")
        #expect(request.headers.map(\.value) == [HurlTemplate(text: "Basic OnNlY3JldA==")], "\(text)")
    }

    /// Found by the curl-import fuzz target: `-b ' session=1'` kept the blank, which an export with -H
    /// then lost, so the request changed on the way through.
    @Test("-A, -e and -b values lose the blanks around them, as -H values do")
    func headerOptionValuesAreTrimmed() throws {
        let request = try request("curl -A ' agent/1 ' -e '\treferrer ' -b ' session=1' https://x.test")
        #expect(request.headers["User-Agent"] == "agent/1")
        #expect(request.headers["Referer"] == "referrer")
        #expect(request.headers["Cookie"] == "session=1")
    }

    /// Found by the curl-import fuzz target: a host starting with a combining mark joined the `/` before it
    /// into one Character, so `http://` added once was not seen and was added again on the next import.
    @Test("a URL whose host starts with a combining mark keeps one scheme")
    func combiningMarkAfterTheScheme() throws {
        let first = try request("curl '\u{073E}host/x'")
        #expect(first.url == "http://\u{073E}host/x")
        #expect(try request("curl '\(first.url)'").url == first.url)
    }
}

import Testing
@testable import Hurl

@Suite struct HurlSectionTests {
    private func parse(_ text: String) throws -> HurlFile {
        let file = try HurlParser.parse(text, fileName: "t.hurl")
        #expect(try HurlParser.parse(HurlWriter.write(file), fileName: "t.hurl") == file, "round trip")
        return file
    }

    @Test func requestLineTakesAnyUpperCaseMethodAndATemplatedURL() throws {
        let file = try parse("PROPFIND {{baseUrl}}/api/contacts/{{id}}?a=1\\#frag\n")
        let request = file.entries[0].request
        #expect(request.method == "PROPFIND")
        #expect(request.url.parts == [.placeholder(HurlPlaceholder(name: "baseUrl")), .text("/api/contacts/"),
                                      .placeholder(HurlPlaceholder(name: "id")), .text("?a=1#frag")])
        #expect(HurlWriter.write(file) == "PROPFIND {{baseUrl}}/api/contacts/{{id}}?a=1\\#frag\n")
    }

    @Test func headersKeepEscapesEmptyValuesAndTemplates() throws {
        let file = try parse("GET https://x\nX-Empty:\nX-Hash: a\\#b # real comment\nAuthorization: Bearer {{token}}\nX-Tab: a\\tb\n")
        let headers = file.entries[0].request.headers
        #expect(headers.map(\.key.description) == ["X-Empty", "X-Hash", "Authorization", "X-Tab"])
        #expect(headers[0].value.isEmpty)
        #expect(headers[1].value == HurlTemplate(text: "a#b"))
        #expect(headers[1].trivia.trailingComment == " real comment")
        #expect(headers[2].value.placeholderNames == ["token"])
        #expect(headers[3].value == HurlTemplate(text: "a\tb"))
    }

    @Test func aKeyMayBeAPlaceholder() throws {
        let request = try parse("GET https://x\n{{header}}: on\n[Query]\n{{param}}: 1\n").entries[0].request
        #expect(request.headers.map(\.key.placeholderNames) == [["header"]])
        #expect(request.queryParams.map(\.key.placeholderNames) == [["param"]])
        #expect(request.body == nil)
    }

    @Test func requestSectionsInBothSpellings() throws {
        let text = """
        POST https://x/upload
        [Query]
        search: a b
        [FormParams]
        name: Ada
        [Cookies]
        session: abc
        [BasicAuth]
        admin: {{password}}
        [Multipart]
        title: report
        file: file,data/report.pdf; application/pdf
        plain: file,a.txt;

        """
        let request = try parse(text).entries[0].request
        #expect(request.queryParams.map(\.value) == [HurlTemplate(text: "a b")])
        #expect(request.formParams.map(\.key) == ["name"])
        #expect(request.cookies.map(\.value) == ["abc"])
        #expect(request.basicAuth?.key == "admin")
        #expect(request.basicAuth?.value.placeholderNames == ["password"])
        #expect(request.multipartFields.map(\.content) == [
            .text("report"),
            .file(path: "data/report.pdf", contentType: "application/pdf"),
            .file(path: "a.txt", contentType: nil),
        ])
        #expect(HurlWriter.write(try parse(text)) == text)
    }

    @Test func optionsAreKeptAndUnknownOnesWarn() throws {
        let text = """
        GET https://x
        [Options]
        variable: id=42
        location: true
        insecure: true
        user: bob:{{secret}}
        delay: 100
        retry: 3
        retry-interval: 500
        skip: false
        max-redirs: 5
        connect-timeout: 10
        compressed: true
        verbose: true
        frobnicate: yes

        """
        let file = try parse(text)
        #expect(file.entries[0].request.options.map(\.name) == [
            "variable", "location", "insecure", "user", "delay", "retry", "retry-interval", "skip", "max-redirs",
            "connect-timeout", "compressed", "verbose", "frobnicate",
        ])
        #expect(file.entries[0].request.options[0].value == "id=42")
        #expect(file.warnings.count == 1)
        #expect(file.warnings.first?.line == 15)
        #expect(file.warnings.first?.message.contains("frobnicate") == true)
        #expect(HurlWriter.write(file) == text)
    }

    @Test func responseLineVersionsAndAnyStatus() throws {
        for (line, version, status) in [("HTTP 200", "HTTP", HurlStatus.code(200)), ("HTTP/1.1 404", "HTTP/1.1", .code(404)),
                                        ("HTTP/2 *", "HTTP/2", .any), ("HTTP/* 201", "HTTP/*", .code(201))] {
            let response = try #require(try parse("GET https://x\n\(line)\n").entries[0].response)
            #expect(response.version == version)
            #expect(response.status == status)
        }
    }

    @Test func responseHeadersCapturesAssertsAndBody() throws {
        let text = """
        GET https://x
        HTTP 200
        Content-Type: application/json
        [Captures]
        id: jsonpath "$.contact.id"
        token: header "X-Token" regex "Bearer (.*)" redact
        [Asserts]
        status == 200
        header "Content-Type" contains "json"
        jsonpath "$.contacts" count > 0
        jsonpath "$.name" not startsWith "x"
        body matches /^\\{.*\\}$/
        duration < 1000
        bytes count >= 2
        sha256 == hex,deadbeef;
        url endsWith "/x"
        variable "id" isInteger
        cookie "session" exists
        jsonpath "$.list" nth 0 == {{first}}
        jsonpath "$.v" == null
        jsonpath "$.ok" == true
        jsonpath "$.f" == -1.5e3
        {"ok": true}

        """
        let response = try #require(try parse(text).entries[0].response)
        #expect(response.headers.map(\.key) == ["Content-Type"])
        #expect(response.captures.map(\.query) == [.jsonpath("$.contact.id"), .header("X-Token")])
        #expect(response.captures[1].filters == [HurlFilter(name: "regex", arguments: [.string("Bearer (.*)")])])
        #expect(response.captures[1].redacted)
        let asserts = response.asserts
        #expect(asserts.count == 15)
        #expect(asserts[0].predicate == HurlPredicate(function: .equal, value: .number("200")))
        #expect(asserts[2].filters == [HurlFilter(name: "count")])
        #expect(asserts[3].predicate.negated)
        #expect(asserts[4].predicate.value == .regex("^\\{.*\\}$"))
        #expect(asserts[7].predicate.value == .hex("deadbeef"))
        #expect(asserts[11].predicate.value == .placeholder(HurlPlaceholder(name: "first")))
        #expect(asserts[12].predicate.value == .null)
        #expect(asserts[13].predicate.value == .bool(true))
        #expect(asserts[14].predicate.value == .number("-1.5e3"))
        #expect(response.body?.content == .json(#"{"ok": true}"#))
        #expect(HurlWriter.write(try parse(text)) == text)
    }

    @Test(arguments: HurlPredicateFunction.allCases)
    func everyPredicateParsesAndWritesBack(function: HurlPredicateFunction) throws {
        let value = function.takesValue ? " \"v\"" : ""
        for negation in ["", "not "] {
            let text = "GET https://x\nHTTP 200\n[Asserts]\nbody \(negation)\(function.rawValue)\(value)\n"
            let assert = try #require(try parse(text).entries[0].response?.asserts.first)
            #expect(assert.predicate.function == function)
            #expect(assert.predicate.negated == !negation.isEmpty)
            #expect(HurlWriter.write(try parse(text)) == text)
        }
    }

    @Test func olderPredicateSpellingsAreRead() throws {
        let asserts = try parse("GET https://x\nHTTP 200\n[Asserts]\nstatus equals 200\nstatus greaterThanOrEquals 100\n")
            .entries[0].response?.asserts
        #expect(asserts?.map(\.predicate.function) == [.equal, .greaterOrEqual])
    }

    @Test func everyFilterOfTheGrammarParses() throws {
        var lines: [String] = []
        for (name, kinds) in HurlFilter.signatures.sorted(by: { $0.key < $1.key }) {
            let arguments = kinds.map { kind -> String in
                switch kind {
                case .string: "\"a\""
                case .pattern: "/a\\/b/"
                case .integer: "-1"
                }
            }
            lines.append((["body", name] + arguments + ["exists"]).joined(separator: " "))
        }
        let text = "GET https://x\nHTTP 200\n[Asserts]\n" + lines.joined(separator: "\n") + "\n"
        let asserts = try #require(try parse(text).entries[0].response?.asserts)
        #expect(asserts.map { $0.filters.first?.name } == HurlFilter.signatures.keys.sorted())
        #expect(asserts.first { $0.filters[0].name == "nth" }?.filters[0].arguments == [.integer(-1)])
        #expect(asserts.first { $0.filters[0].name == "replace" }?.filters[0].arguments == [.regex("a/b"), .string("a")])
        #expect(HurlWriter.write(try parse(text)) == text)
    }

    @Test func everyQueryParses() throws {
        let text = """
        GET https://x
        HTTP 200
        [Asserts]
        status == 200
        version == "2"
        url == "u"
        ip exists
        redirects count == 0
        header "A" exists
        cookie "c[Path]" exists
        body exists
        xpath "//p" exists
        jsonpath "$.a" exists
        regex "a(b)" exists
        regex /a(b)/ exists
        variable "v" exists
        duration < 5
        bytes exists
        sha256 exists
        md5 exists
        certificate "Subject" exists

        """
        let asserts = try #require(try parse(text).entries[0].response?.asserts)
        #expect(asserts.map(\.query.keyword) == [
            "status", "version", "url", "ip", "redirects", "header", "cookie", "body", "xpath", "jsonpath", "regex",
            "regex", "variable", "duration", "bytes", "sha256", "md5", "certificate",
        ])
        #expect(asserts[10].query == .regex(.string("a(b)")))
        #expect(asserts[11].query == .regex(.regex("a(b)")))
        #expect(HurlWriter.write(try parse(text)) == text)
    }

    @Test func quotedStringsResolveEscapesAndKeepPlaceholders() throws {
        let text = "GET https://x\nHTTP 200\n[Asserts]\nbody == \"a\\\"b\\\\c\\n\\u{e9}{{name}}\"\n"
        let value = try parse(text).entries[0].response?.asserts.first?.predicate.value
        #expect(value == .string(HurlTemplate([.text("a\"b\\c\né"), .placeholder(HurlPlaceholder(name: "name"))])))
        #expect(HurlWriter.write(try parse(text)) == "GET https://x\nHTTP 200\n[Asserts]\nbody == \"a\\\"b\\\\c\\né{{name}}\"\n")
    }
}

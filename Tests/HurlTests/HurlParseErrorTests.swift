import Testing
@testable import Hurl

@Suite struct HurlParseErrorTests {
    private func error(_ text: String) -> HurlParseError? {
        do {
            _ = try HurlParser.parse(text, fileName: "api.hurl")
            return nil
        } catch {
            return error
        }
    }

    @Test func positionsAndCaret() throws {
        let failure = try #require(error("GET https://x\nContent-Type application/json\n"))
        #expect(failure.line == 2)
        #expect(failure.column == 14)
        #expect(failure.rendered == """
        error: expected ':' after the key
         --> api.hurl:2:14
          |
        2 | Content-Type application/json
          |              ^
        """)
        #expect(failure.description == "api.hurl:2:14: expected ':' after the key")
    }

    @Test(arguments: [
        ("get https://x\n", 1, 1, "expected an HTTP method"),
        ("GET\n", 1, 4, "expected a space and a URL"),
        ("GET https://x\nHTTP 2000\n", 2, 6, "expected a status code"),
        ("GET https://x\nHTTP 20x\n", 2, 6, "expected a status code"),
        ("GET https://x\nHTTP/4 200\n", 2, 1, "expected HTTP, HTTP/1.0"),
        ("GET https://x\nHTTP 200\n[Asserts]\nstatus\n", 4, 7, "expected a predicate"),
        ("GET https://x\nHTTP 200\n[Asserts]\nstatus equalz 200\n", 4, 8, "unknown predicate 'equalz'"),
        ("GET https://x\nHTTP 200\n[Asserts]\nstatus == \n", 4, 11, "expected a value"),
        ("GET https://x\nHTTP 200\n[Asserts]\njsonpath \"$.a == 1\n", 4, 10, "unterminated string"),
        ("GET https://x\nHTTP 200\n[Asserts]\nfoo == 1\n", 4, 1, "unknown query 'foo'"),
        ("GET https://x\nHTTP 200\n[Captures]\nid: jsonpath \"$.id\" bogus\n", 4, 21, "expected a filter or redact"),
        ("GET https://x\n[Asserts]\nstatus == 200\n", 2, 1, "[Asserts] belongs to a response"),
        ("GET https://x\nHTTP 200\n[Query]\na: b\n", 3, 1, "[Query] belongs to a request"),
        ("GET https://x\n[Bogus]\n", 2, 1, "unknown section [Bogus]"),
        ("GET https://x/{{a b}}\n", 1, 15, "invalid variable name"),
        ("GET https://x/{{a\n", 1, 15, "unterminated placeholder"),
        ("POST https://x\n{\"a\": [1, 2}\n", 2, 1, "unterminated JSON body"),
        ("POST https://x\n```\nnever closed\n", 2, 1, "unterminated multiline string"),
        ("POST https://x\n{\"a\": 1} trailing\n", 2, 10, "unexpected text at the end of the line"),
        ("GET https://x\nX-A: \\q\n", 2, 6, "invalid escape \\q"),
        ("GET https://x\n[Options]\nvariable: novalue\n", 3, 11, "expected name=value"),
        ("GET https://x\nHTTP 200\nHTTP 201\n", 3, 1, "expected a response header"),
        ("GET https://x\nÄ: 1\n", 2, 1, "'Ä' cannot be part of a header name"),
        ("GET https://x\nX-{{id}}(a): 1\n", 2, 9, "'(' cannot be part of a header name"),
        ("GET https://x\nX\\,A: 1\n", 2, 2, "',' cannot be part of a header name"),
        ("GET https://x\nX-A: a\\nb\n", 2, 6, "a header value cannot hold a line break"),
    ])
    func errorsNameTheirPosition(text: String, line: Int, column: Int, message: String) throws {
        let failure = try #require(error(text), "expected a parse error for \(text.debugDescription)")
        #expect(failure.line == line, "\(failure.description)")
        #expect(failure.column == column, "\(failure.description)")
        #expect(failure.message.contains(message), "\(failure.description)")
        #expect(failure.rendered.hasSuffix(String(repeating: " ", count: column - 1) + "^"))
    }
}

/// One assert line on its own, as the shell's `expect` parses it.
@Suite struct SingleAssertTests {
    @Test func anAssertLineParsesAlone() throws {
        let assert = try HurlParser.parseAssert(#"jsonpath "$.contacts" count > 0"#, fileName: "expect")
        #expect(HurlWriter.text(of: assert) == #"jsonpath "$.contacts" count > 0"#)
    }

    @Test func whatFollowsTheAssertIsAnErrorAtItsColumn() {
        #expect(throws: HurlParseError.self) { try HurlParser.parseAssert("status == 200\nGET http://x.test", fileName: "expect") }
        do {
            _ = try HurlParser.parseAssert("status === 200", fileName: "expect")
            Issue.record("a malformed predicate parsed")
        } catch {
            #expect(error.column > 1)
        }
    }
}

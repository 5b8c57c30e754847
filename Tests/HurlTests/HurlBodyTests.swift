import Testing
@testable import Hurl

@Suite struct HurlBodyTests {
    private func body(_ text: String) throws -> HurlBody {
        let file = try HurlParser.parse("POST https://x\n" + text + "HTTP 201\n", fileName: "b.hurl")
        #expect(HurlWriter.write(file) == "POST https://x\n" + text + "HTTP 201\n", "canonical text is written back")
        return try #require(file.entries[0].request.body)
    }

    @Test func jsonBodyKeepsRawTextWithTypedTemplates() throws {
        let raw = "{\n  \"id\": {{id}},\n  \"name\": \"{{name}}\",\n  \"tags\": [\"a}\", \"b\\\"]\"]\n}"
        let parsed = try body(raw + "\n")
        #expect(parsed.content == .json(raw))
        #expect(parsed.line == 2)
        #expect(HurlTemplate.parse(raw: raw).placeholderNames == ["id", "name"])
    }

    @Test func jsonArrayBodyIsNotASection() throws {
        #expect(try body("[1, 2, {\"a\": [3]}]\n").content == .json("[1, 2, {\"a\": [3]}]"))
    }

    @Test func xmlBody() throws {
        let raw = "<?xml version=\"1.0\"?>\n<a x=\"1>2\">\n  <b/>\n  <c>text</c>\n</a>"
        #expect(try body(raw + "\n").content == .xml(raw))
    }

    @Test func multilineBodiesWithLanguageHints() throws {
        #expect(try body("```\nline 1\nline 2\n```\n").content == .multiline(HurlMultilineString(text: "line 1\nline 2\n")))
        #expect(try body("```json\n{\"a\": {{a}}}\n```\n").content
                == .multiline(HurlMultilineString(language: "json", text: "{\"a\": {{a}}}\n")))
        #expect(try body("```graphql,escape\nquery { a }\n```\n").content
                == .multiline(HurlMultilineString(language: "graphql", attributes: ["escape"], text: "query { a }\n")))
    }

    @Test func onelineFileBase64AndHexBodies() throws {
        #expect(try body("`Hello {{who}}`\n").content == .oneline(HurlTemplate([.text("Hello "), .placeholder(HurlPlaceholder(name: "who"))])))
        #expect(try body("file,data/contact.json;\n").content == .file("data/contact.json"))
        #expect(try body("base64,SGVsbG8=;\n").content == .base64("SGVsbG8="))
        #expect(try body("hex,48656c6c6f;\n").content == .hex("48656c6c6f"))
    }

    @Test func responseBodyFollowsAsserts() throws {
        let file = try HurlParser.parse("GET https://x\nHTTP 200\n[Asserts]\nstatus == 200\n```\nok\n```\n", fileName: "r.hurl")
        #expect(file.entries[0].response?.body?.content == .multiline(HurlMultilineString(text: "ok\n")))
    }
}

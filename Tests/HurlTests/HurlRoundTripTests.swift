import Testing
@testable import Hurl

@Suite struct HurlRoundTripTests {
    static let canonicalFixtures = [
        "basic_authentication.hurl", "captures.hurl", "cookies.hurl", "filter.hurl", "multipart_form_data.hurl",
    ]

    @Test(arguments: canonicalFixtures + ["form_params.hurl"])
    func parseWriteParseGivesTheSameFile(name: String) throws {
        let text = try HurlFixtures.text(name)
        let file = try HurlParser.parse(text, fileName: name)
        let written = HurlWriter.write(file)
        let reparsed = try HurlParser.parse(written, fileName: name)
        #expect(reparsed == file)
        #expect(HurlWriter.write(reparsed) == written)
    }

    @Test(arguments: canonicalFixtures)
    func canonicalFilesAreWrittenBackByteForByte(name: String) throws {
        let text = try HurlFixtures.text(name)
        let written = HurlWriter.write(try HurlParser.parse(text, fileName: name))
        #expect(written == text)
    }

    @Test func escapedKeysAreReadAndWrittenInTheirPlainForm() throws {
        let file = try HurlParser.parse(try HurlFixtures.text("form_params.hurl"), fileName: "form_params.hurl")
        let keys = file.entries[0].request.formParams.map(\.key)
        #expect(keys.contains(HurlTemplate(text: "values[0]")))
        #expect(HurlWriter.write(file).contains("\nvalues[0]: 0\n"))
    }

    /// Literal `{{` in any kind of string, and keys that start like a body or a section, are written so
    /// that they read back as the same text (found through the Postman and curl import fuzz targets).
    @Test func literalBracesAndBodyLikeKeysReadBack() throws {
        let brace = HurlTemplate([.text("a{{b {"), .placeholder(HurlPlaceholder(name: "x")), .text("{")])
        var request = HurlRequest(method: "POST", url: brace, headers: [HurlKeyValue(key: "X-A", value: brace)])
        let keys = ["`k", "[k]", "{k", "<k", "base64,k", "hex,k", "file,k", "{{k"].map { HurlTemplate(text: $0) }
        request.sections = [HurlRequestSection(name: "FormParams", content: .form(keys.map { HurlKeyValue(key: $0, value: brace) }))]
        let written = HurlWriter.write(HurlEntry(request: request))
        let reread = try #require(try HurlParser.parse(written, fileName: "x.hurl").entries.first?.request, "\(written)")
        #expect(reread.url == brace, "\(written)")
        #expect(reread.headers.map(\.value) == [brace])
        guard case .form(let fields)? = reread.sections.first?.content else { Issue.record("no form in \(written)"); return }
        #expect(fields.map(\.key) == keys, "\(written)")
        #expect(fields.allSatisfy { $0.value == brace })

        // Found by the curl-import fuzz target: a multipart text starting with `file,` read back as a file part.
        request.sections = [HurlRequestSection(name: "Multipart", content: .multipart([
            HurlMultipartField(name: "a", content: .text(HurlTemplate(text: "file,x;"))),
        ]))]
        let multipart = HurlWriter.write(HurlEntry(request: request))
        let part = try #require(try HurlParser.parse(multipart, fileName: "x.hurl").entries.first?.request.sections.first)
        guard case .multipart(let parts) = part.content else { Issue.record("no multipart in \(multipart)"); return }
        #expect(parts.map(\.content) == [.text(HurlTemplate(text: "file,x;"))], "\(multipart)")
    }

    /// Found by the hurl fuzz target: a comment ending in "\r\r" lost one "\r" each time it was saved.
    @Test func commentsEndingInCarriageReturnsWriteBackTheSame() throws {
        let file = try HurlParser.parse("# note\r\r\nGET http://127.0.0.1/ # after\r\r\r\n", fileName: "x.hurl")
        let written = HurlWriter.write(file)
        #expect(written == "# note\nGET http://127.0.0.1/ # after\n")
        #expect(HurlWriter.write(try HurlParser.parse(written, fileName: "x.hurl")) == written)
    }

    /// Found by the curl-import fuzz target: `-d @NAME` with a `;` in NAME wrote `file,NAME;` unescaped,
    /// and the body's file name was read raw while a multipart file name was read with escapes.
    @Test func fileNamesAreEscapedAndReadTheSameEverywhere() throws {
        let name = HurlTemplate(text: "a;b #c\\d")
        var request = HurlRequest(method: "POST", url: "http://127.0.0.1/")
        request.body = HurlBody(.file(name))
        let written = HurlWriter.write(HurlEntry(request: request))
        #expect(written.contains("file,a\\;b \\#c\\\\d;"), "\(written)")
        let reread = try #require(try HurlParser.parse(written, fileName: "x.hurl").entries.first?.request.body)
        #expect(reread.content == .file(name))
    }

    @Test func fixtureContentIsUnderstood() throws {
        let file = try HurlParser.parse(try HurlFixtures.text("captures.hurl"), fileName: "captures.hurl")
        #expect(file.entries.count == 6)
        let first = try #require(file.entries.first?.response)
        #expect(first.captures.map(\.name.description) == ["param1", "param2", "param3", "data1", "data2"])
        #expect(first.captures[2].filters == [HurlFilter(name: "regex", arguments: [.regex("Hello (.*)!")])])
        #expect(first.asserts.count == 5)
        #expect(first.asserts[0].line == 12)
        #expect(file.entries[1].request.queryParams.map(\.value.placeholderNames) == [["param1"], ["param2"]])
        #expect(file.entries[1].request.sections[0].name == "QueryStringParams")
        #expect(file.entries[2].request.sections[0].name == "Query")
    }

    @Test func commentsAndBlankLinesStayWhereTheyWere() throws {
        let text = """
        # A collection
        # with two requests

        GET https://example.org/a # the first
        Accept: application/json # a header comment
        # before the response
        HTTP 200

        # trailing remark

        """
        let file = try HurlParser.parse(text, fileName: "c.hurl")
        #expect(file.entries[0].request.trivia.leadingLines == [.comment(" A collection"), .comment(" with two requests"), .blank])
        #expect(file.entries[0].request.trivia.trailingComment == " the first")
        #expect(file.entries[0].response?.trivia.leadingLines == [.comment(" before the response")])
        #expect(file.trailingLines == [.blank, .comment(" trailing remark")])
        #expect(HurlWriter.write(file) == text)
    }

    @Test func indentedAndSpacedFilesAreWrittenCanonically() throws {
        let text = "  GET   https://example.org   \n  Accept :  text/plain\nHTTP/1.1   200\n[Asserts]\n  status  ==   200\n"
        let file = try HurlParser.parse(text, fileName: "c.hurl")
        #expect(HurlWriter.write(file) == "GET https://example.org\nAccept: text/plain\nHTTP/1.1 200\n[Asserts]\nstatus == 200\n")
    }

    @Test func windowsLineEndingsAreAccepted() throws {
        let file = try HurlParser.parse("GET https://example.org\r\nHTTP 200\r\n", fileName: "w.hurl")
        #expect(file.entries[0].response?.status == .code(200))
        #expect(HurlWriter.write(file) == "GET https://example.org\nHTTP 200\n")
    }
}

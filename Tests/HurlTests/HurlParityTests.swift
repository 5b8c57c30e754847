import Testing
@testable import Hurl

/// Syntax Hurl accepts that other tools spell differently.
@Suite struct HurlParityTests {
    @Test func aHeaderWrittenWithASemicolonHasAnEmptyValue() throws {
        let file = try HurlParser.parse("GET https://x\nX-Empty;\nX-Other;  # sent empty\nHTTP 200\nX-Seen: yes\n", fileName: "t.hurl")
        let headers = file.entries[0].request.headers
        #expect(headers.map(\.key.description) == ["X-Empty", "X-Other"])
        #expect(headers.allSatisfy { $0.value.isEmpty })
        #expect(headers[1].trivia.trailingComment == " sent empty")
        #expect(file.entries[0].response?.headers.map(\.key.description) == ["X-Seen"])
        #expect(try HurlParser.parse(HurlWriter.write(file), fileName: "t.hurl") == file, "written back as Name:, which means the same")
    }

    @Test func aSemicolonInsideAHeaderNameIsStillAnError() {
        #expect(throws: HurlParseError.self) { try HurlParser.parse("GET https://x\nX;Y: 1\n", fileName: "t.hurl") }
        #expect(throws: HurlParseError.self) { try HurlParser.parse("GET https://x\nX; 1\n", fileName: "t.hurl") }
    }

    @Test(arguments: ["\"Hello\"", "\"say \\\"hi\\\" # not a comment\"", "100", "-0.5e3", "true", "false", "null"])
    func anyJSONValueIsABody(_ value: String) throws {
        let text = "POST https://x\nContent-Type: application/json\n\(value)\nHTTP 200\n\(value) # same back\n"
        let file = try HurlParser.parse(text, fileName: "t.hurl")
        #expect(file.entries[0].request.headers.count == 1)
        #expect(file.entries[0].request.body?.content == .json(value))
        #expect(file.entries[0].response?.body?.content == .json(value))
        #expect(try HurlParser.parse(HurlWriter.write(file), fileName: "t.hurl") == file)
    }

    @Test func wordsThatOnlyStartLikeJSONAreNotBodies() throws {
        let file = try HurlParser.parse("GET https://x\n[Query]\n100: a\ntrue-ish: b\nnull: c\n", fileName: "t.hurl")
        #expect(file.entries[0].request.queryParams.map(\.key.description) == ["100", "true-ish", "null"])
        #expect(file.entries[0].request.body == nil)
        #expect(throws: HurlParseError.self) { try HurlParser.parse("POST https://x\n01\n", fileName: "t.hurl") }
        #expect(throws: HurlParseError.self) { try HurlParser.parse("POST https://x\n\"open\n", fileName: "t.hurl") }
    }
}

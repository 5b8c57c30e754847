import Testing
@testable import Hurl

@Suite struct HurlAuthDirectiveTests {
    @Test func directiveAboveTheRequestLineNamesTheProfile() throws {
        let text = "# Contacts\n# @auth mautic-oauth2\nGET {{baseUrl}}/api/contacts\nHTTP 200\n"
        let file = try HurlParser.parse(text, fileName: "a.hurl")
        #expect(file.entries[0].authProfile == "mautic-oauth2")
        #expect(file.entries[0].request.trivia.leadingLines == [.comment(" Contacts")])
        #expect(HurlWriter.write(file) == text)
    }

    @Test func directiveSeparatedByABlankLineIsAPlainComment() throws {
        let file = try HurlParser.parse("# @auth admin\n\nGET https://x\n", fileName: "a.hurl")
        #expect(file.entries[0].authProfile == nil)
        #expect(file.entries[0].request.trivia.leadingLines == [.comment(" @auth admin"), .blank])
    }

    @Test func writerPutsTheDirectiveDirectlyAboveTheRequestLine() {
        let entry = HurlEntry(authProfile: "basic-admin", request: HurlRequest(method: "DELETE", url: "https://x/1",
                                                                               trivia: HurlTrivia(leadingLines: [.comment(" Remove")])))
        #expect(HurlWriter.write(entry) == "# Remove\n# @auth basic-admin\nDELETE https://x/1\n")
    }

    @Test func directiveIsReadPerEntry() throws {
        let file = try HurlParser.parse("# @auth one\nGET https://x\n\nGET https://y\n# @auth two\nPOST https://z\n", fileName: "a.hurl")
        #expect(file.entries.map(\.authProfile) == ["one", nil, "two"])
    }
}

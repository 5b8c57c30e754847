import Testing
@testable import Hurl

@Suite struct HurlTemplateTests {
    @Test func rawTextKeepsBracesThatAreNotPlaceholders() {
        let template = HurlTemplate.parse(raw: #"{"id": {{ id }}, "x": "{{bad name}}"}"#)
        #expect(template.parts == [.text(#"{"id": "#), .placeholder(HurlPlaceholder(name: "id")), .text(#", "x": "{{bad name}}"}"#)])
        #expect(template.placeholderNames == ["id"])
    }
}

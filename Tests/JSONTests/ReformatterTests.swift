import JSON
import Testing

/// `reformat` must agree with `parse` + `write` on every document, valid or not.
@Suite struct ReformatterTests {
    static let documents = [
        #"{"id":9223372036854775808,"name":"Ada \"A\"","tags":["x",1.50,true,null],"empty":{},"none":[],"nested":{"a":[{"b":1e400}]}}"#,
        "  [ 1 , [ ] , { } , \"\\u0041\\/\\ud83d\\ude80\\ud800\" , -0.0E+5 ]  ",
        "\u{FEFF}{\"é\":\"Zoë 李 🚀\",\"e\\u0301\":\"\\t\\n\\u0001\"}",
        #"{"a":1,"a":2,"b":{"c":{"d":[[[]]]}}}"#,
        "\"just a string\"",
        "12345678901234567890",
        "null",
        String(repeating: "[", count: 256) + String(repeating: "]", count: 256),
    ]

    static let styles: [JSONStyle] = [
        .compact, .pretty, JSONStyle(pretty: true, indentWidth: 4), JSONStyle.pretty.colored(), JSONStyle.compact.colored(),
    ]

    func reformatted(_ text: String, _ style: JSONStyle, chunkSize: Int = 1 << 20) throws(JSONParseError) -> [UInt8] {
        var output: [UInt8] = []
        try JSONValue.reformat(Array(text.utf8), style: style, chunkSize: chunkSize) { output.append(contentsOf: $0) }
        return output
    }

    @Test(arguments: documents)
    func matchesParseThenWrite(_ document: String) throws {
        for style in Self.styles {
            let expected = try JSONValue.parse(document).serializedBytes(style: style)
            #expect(try reformatted(document, style) == expected)
            #expect(try reformatted(document, style, chunkSize: 7) == expected)
        }
    }

    @Test(arguments: [
        "", "{\n  \"a\" 1\n}", "[1,\n 2,\n ]", "[1 2]", "{\"a\":1,}", "[tru]", "[01]", "[1.]", "\"abc", "\"a\\x\"",
        "\"\\u12G4\"", "\"a\tb\"", "[1]]", "[1", "{\"a\"", "[\"é\", x]", "[\"\u{1}\"]",
        String(repeating: "[", count: 257) + String(repeating: "]", count: 257),
    ])
    func rejectsLikeTheParser(_ document: String) {
        var parseError: JSONParseError?
        do { _ = try JSONValue.parse(document) } catch { parseError = error }
        var written = 0
        var reformatError: JSONParseError?
        do {
            try JSONValue.reformat(Array(document.utf8), style: .pretty) { written += $0.count }
        } catch {
            reformatError = error
        }
        #expect(parseError != nil)
        #expect(reformatError == parseError)
        #expect(written == 0)
    }

    @Test func rejectsInvalidUTF8() {
        #expect(throws: JSONParseError.self) {
            try JSONValue.reformat([0x22, 0xC3, 0x28, 0x22], style: .compact) { _ in }
        }
    }
}

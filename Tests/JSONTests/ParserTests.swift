import JSON
import Testing

@Suite struct ParserTests {
    @Test func keepsKeyOrderAndDuplicates() throws {
        let value = try JSONValue.parse(#"{"b":1,"a":2,"b":3,"c":{"z":0,"y":1}}"#)
        let object = try #require(value.objectValue)
        #expect(object.keys == ["b", "a", "b", "c"])
        #expect(object["b"] == 3)
        #expect(value["c"]?.objectValue?.keys == ["z", "y"])
        #expect(value.serialized() == #"{"b":1,"a":2,"b":3,"c":{"z":0,"y":1}}"#)
    }

    @Test func decodesEveryEscape() throws {
        let value = try JSONValue.parse(#"["\"\\\/\b\f\n\r\t", "\u0041\u00e9\u4e2d", "\u0000"]"#)
        #expect(value[0]?.stringValue == "\"\\/\u{08}\u{0C}\n\r\t")
        #expect(value[1]?.stringValue == "Aé中")
        #expect(value[2]?.stringValue == "\u{0}")
    }

    @Test func joinsSurrogatePairs() throws {
        #expect(try JSONValue.parse(#""\ud83d\ude80""#).stringValue == "🚀")
        #expect(try JSONValue.parse(#""\uD834\uDD1E""#).stringValue == "𝄞")
    }

    @Test func loneSurrogatesBecomeReplacementCharacters() throws {
        #expect(try JSONValue.parse(#""a\ud83db""#).stringValue == "a\u{FFFD}b")
        #expect(try JSONValue.parse(#""\ude80""#).stringValue == "\u{FFFD}")
        #expect(try JSONValue.parse(#""\ud83d\u0041""#).stringValue == "\u{FFFD}A")
    }

    @Test func keepsRawUnicode() throws {
        let text = #"{"name":"Zoë 李 🚀"}"#
        #expect(try JSONValue.parse(text)["name"]?.stringValue == "Zoë 李 🚀")
        #expect(try JSONValue.parse(text).serialized() == text)
    }

    @Test func parsesScalarsAndWhitespace() throws {
        #expect(try JSONValue.parse(" \t\r\n true \n") == .bool(true))
        #expect(try JSONValue.parse("false") == .bool(false))
        #expect(try JSONValue.parse("null") == .null)
        #expect(try JSONValue.parse("[]") == .array([]))
        #expect(try JSONValue.parse("{ }") == .object(JSONObject()))
        #expect(try JSONValue.parse("\u{FEFF}[1]") == [1])
    }

    @Test func parsesFromBytesAndSlices() throws {
        let bytes = Array(#"xx{"a":[1,2]}yy"#.utf8)
        #expect(try JSONValue.parse(bytes[2..<(bytes.count - 2)]) == ["a": [1, 2]])
        #expect(try JSONValue.parse(Array("[1]".utf8)) == [1])
    }

    struct ErrorCase: Sendable, CustomStringConvertible {
        let text: String
        let line: Int
        let column: Int
        let message: String
        var description: String { text }
    }

    @Test(arguments: [
        ErrorCase(text: "", line: 1, column: 1, message: "unexpected end of input, expected a value"),
        ErrorCase(text: "{\n  \"a\" 1\n}", line: 2, column: 7, message: "unexpected character '1', expected ':' after an object key"),
        ErrorCase(text: "[1,\n 2,\n ]", line: 3, column: 2, message: "unexpected character ']', expected a value"),
        ErrorCase(text: "[1 2]", line: 1, column: 4, message: "unexpected character '2', expected ',' or ']'"),
        ErrorCase(text: "{\"a\":1,}", line: 1, column: 8, message: "unexpected character '}', expected an object key in double quotes"),
        ErrorCase(text: "{'a':1}", line: 1, column: 2, message: "unexpected character ''', expected an object key in double quotes"),
        ErrorCase(text: "[tru]", line: 1, column: 2, message: "unexpected character 't', expected a value"),
        ErrorCase(text: "[01]", line: 1, column: 3, message: "unexpected character '1', expected ',' or ']'"),
        ErrorCase(text: "[1.]", line: 1, column: 2, message: "invalid number"),
        ErrorCase(text: "[-]", line: 1, column: 2, message: "invalid number"),
        ErrorCase(text: "\"abc", line: 1, column: 1, message: "unterminated string"),
        ErrorCase(text: "\"a\\x\"", line: 1, column: 3, message: "invalid escape '\\x' in string"),
        ErrorCase(text: "\"\\u12G4\"", line: 1, column: 2, message: "invalid \\u escape: expected 4 hex digits"),
        ErrorCase(text: "\"a\tb\"", line: 1, column: 3, message: "control character U+0009 must be escaped in a string"),
        ErrorCase(text: "[1]]", line: 1, column: 4, message: "unexpected character ']' after the JSON value"),
        ErrorCase(text: "[1", line: 1, column: 3, message: "unexpected end of input, expected ',' or ']'"),
        ErrorCase(text: "{\"a\"", line: 1, column: 5, message: "unexpected end of input, expected ':' after an object key"),
        ErrorCase(text: "[\"é\", x]", line: 1, column: 7, message: "unexpected character 'x', expected a value"),
    ])
    func reportsLineAndColumn(_ errorCase: ErrorCase) {
        #expect {
            try JSONValue.parse(errorCase.text)
        } throws: { error in
            guard let error = error as? JSONParseError else { return false }
            return error.line == errorCase.line && error.column == errorCase.column && error.message == errorCase.message
        }
    }

    @Test func errorDescriptionShowsExcerptAndCaret() {
        do {
            _ = try JSONValue.parse("{\n  \"name\": \"Ada\",\n  \"age\" 36\n}")
            Issue.record("parsed invalid JSON")
        } catch {
            #expect(error.excerpt == "  \"age\" 36")
            #expect(error.excerptCaret == 8)
            #expect(error.description == "line 3, column 9: unexpected character '3', expected ':' after an object key\n      \"age\" 36\n            ^")
        }
    }

    @Test func excerptIsCutAroundTheColumnOfLongLines() {
        let text = "[" + String(repeating: "1,", count: 100) + "x]"
        do {
            _ = try JSONValue.parse(text)
            Issue.record("parsed invalid JSON")
        } catch {
            #expect(error.column == 202)
            #expect(error.excerpt == String(repeating: "1,", count: 15) + "x]")
            #expect(error.excerptCaret == 30)
        }
    }

    @Test(arguments: [
        [0xFF], [0xC0, 0x80], [0xC3], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0x80],
    ] as [[UInt8]])
    func rejectsInvalidUTF8InStrings(_ sequence: [UInt8]) {
        let bytes = Array("[\"ab".utf8) + sequence + Array("\"]".utf8)
        #expect {
            try JSONValue.parse(bytes)
        } throws: { error in
            guard let error = error as? JSONParseError else { return false }
            return error.line == 1 && error.column == 5 && error.message.hasPrefix("invalid UTF-8 byte")
        }
    }

    @Test func rejectsInvalidUTF8InEscapedStringsAndOutsideStrings() {
        #expect(throws: JSONParseError.self) { try JSONValue.parse(Array("[\"\\n".utf8) + [0xFE] + Array("\"]".utf8)) }
        #expect(throws: JSONParseError.self) { try JSONValue.parse([0x5B, 0xFF, 0x5D]) }
    }

    @Test func acceptsEveryValidUTF8Length() throws {
        let text = "$ £ € 𐍈 \u{7F} \u{7FF} \u{FFFF} \u{10FFFF}"
        #expect(try JSONValue.parse(Array(("\"" + text + "\"").utf8)).stringValue == text)
    }

    @Test func boundsNestingDepth() throws {
        let limit = JSONValue.defaultMaxDepth
        let deepest = String(repeating: "[", count: limit) + String(repeating: "]", count: limit)
        #expect(try JSONValue.parse(deepest).serialized() == deepest)
        let tooDeep = String(repeating: "[", count: limit + 1) + String(repeating: "]", count: limit + 1)
        #expect {
            try JSONValue.parse(tooDeep)
        } throws: { error in
            (error as? JSONParseError)?.message == "nesting deeper than \(limit) levels" && (error as? JSONParseError)?.column == limit + 1
        }
        #expect(throws: JSONParseError.self) { try JSONValue.parse(#"{"a":{"b":[1]}}"#, maxDepth: 2) }
        #expect(try JSONValue.parse(#"{"a":{"b":1}}"#, maxDepth: 2)["a"]?["b"] == 1)
    }

    @Test func hostileNestingIsAnErrorNotACrash() {
        let bytes = [UInt8](repeating: UInt8(ascii: "["), count: 1_000_000)
        #expect(throws: JSONParseError.self) { try JSONValue.parse(bytes) }
        let objects = String(repeating: "{\"a\":", count: 100_000)
        #expect(throws: JSONParseError.self) { try JSONValue.parse(objects) }
    }
}

@Suite struct LongLineErrorTests {
    @Test func errorAtTheEndOfAHugeSingleLineIsLocatedCheaply() {
        let bytes = Array(("[" + String(repeating: "\"é\",", count: 200_000) + "x]").utf8)
        #expect {
            try JSONValue.parse(bytes)
        } throws: { error in
            guard let error = error as? JSONParseError else { return false }
            return error.line == 1 && error.column == 800_002 && error.excerpt.hasSuffix("\"é\",x]") && error.excerptCaret == 30
        }
    }
}

import JSON
import Testing

@Suite struct PrinterTests {
    let document = #"{"id":9223372036854775808,"name":"Ada \"A\"","tags":["x",1.50,true,null],"empty":{},"none":[],"nested":{"a":[{"b":1e400}]}}"#

    @Test func compactIsByteForByte() throws {
        #expect(try JSONValue.parse(document).serialized() == document)
        #expect(try JSONValue.parse(document).serialized(style: .compact) == document)
    }

    @Test func prettyUsesTwoSpacesLikeJq() throws {
        let expected = """
            {
              "id": 9223372036854775808,
              "name": "Ada \\"A\\"",
              "tags": [
                "x",
                1.50,
                true,
                null
              ],
              "empty": {},
              "none": [],
              "nested": {
                "a": [
                  {
                    "b": 1e400
                  }
                ]
              }
            }
            """
        #expect(try JSONValue.parse(document).serialized(style: .pretty) == expected)
    }

    @Test func prettyScalarsAndIndentWidth() throws {
        #expect(JSONValue.string("x").serialized(style: .pretty) == "\"x\"")
        #expect(JSONValue.array([1]).serialized(style: JSONStyle(pretty: true, indentWidth: 4)) == "[\n    1\n]")
    }

    @Test func escapesWhatJSONRequires() {
        let value = JSONValue.string("q\" b\\ \u{08}\u{0C}\n\r\t \u{01}\u{1F} / é 🚀 \u{7F}")
        #expect(value.serialized() == #""q\" b\\ \b\f\n\r\t \u0001\u001f / é 🚀 \#u{7F}""#)
        #expect(JSONValue.quoted("a\"b") == #""a\"b""#)
    }

    @Test func parsesWhatItPrints() throws {
        let value: JSONValue = ["s": "\u{0}\u{1F}\"\\é", "n": [1, -2.5, 1e300], "o": ["k": .null], "b": false]
        #expect(try JSONValue.parse(value.serialized()) == value)
        #expect(try JSONValue.parse(value.serialized(style: .pretty)) == value)
    }

    @Test func colorsEachTokenKind() {
        let colors = JSONColors(key: "K", string: "S", number: "N", bool: "B", null: "Z", punctuation: "P")
        let value: JSONValue = ["k": ["v", 1, true, .null]]
        let e = "\u{1B}["
        let reset = "\u{1B}[0m"
        let expected = "\(e)Pm{\(reset)\(e)Km\"k\"\(reset)\(e)Pm:\(reset)\(e)Pm[\(reset)"
            + "\(e)Sm\"v\"\(reset)\(e)Pm,\(reset)\(e)Nm1\(reset)\(e)Pm,\(reset)\(e)Bmtrue\(reset)\(e)Pm,\(reset)\(e)Zmnull\(reset)"
            + "\(e)Pm]\(reset)\(e)Pm}\(reset)"
        #expect(value.serialized(style: JSONStyle.compact.colored(colors)) == expected)
    }

    @Test func chunkedWriteMatchesWholeSerialization() throws {
        let value = JSONValue.array((0..<5000).map { JSONValue.object(JSONObject([(key: "i", value: .number(JSONNumber($0)))])) })
        var chunks: [[UInt8]] = []
        value.write(style: .pretty, chunkSize: 4096) { chunks.append(Array($0)) }
        #expect(chunks.count > 10)
        #expect(chunks.allSatisfy { $0.count < 4096 + 64 })
        #expect(chunks.flatMap { $0 } == value.serializedBytes(style: .pretty))
    }
}

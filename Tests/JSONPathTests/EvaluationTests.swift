import JSON
import JSONPath
import Testing

@Suite struct EvaluationTests {
    @Test func normalizedPathsEscapeNames() throws {
        let document: JSONValue = ["a'b": 1, "c\\d": 2, "e\nf": 3, "\u{1}": 4, "é": 5]
        let paths = try JSONPathQuery("$.*").evaluate(document).map(\.path)
        #expect(paths == [#"$['a\'b']"#, #"$['c\\d']"#, #"$['e\nf']"#, #"$['\u0001']"#, "$['é']"])
    }

    @Test func filtersCompareNumbersByValueAndKeepLiterals() throws {
        let document = try JSONValue.parse(#"[{"n":1.0},{"n":1},{"n":12345678901234567890123},{"n":2}]"#)
        let ones = try JSONPathQuery("$[?@.n == 1]").values(in: document)
        #expect(ones.map { $0.serialized() } == [#"{"n":1.0}"#, #"{"n":1}"#])
        let big = try JSONPathQuery("$[?@.n > 12345678901234567890122]").values(in: document)
        #expect(big.map { $0.serialized() } == [#"{"n":12345678901234567890123}"#])
    }

    @Test func regexDotExcludesLineBreaksAndCountsScalars() throws {
        let document: JSONValue = ["a\nb", "a\rb", "axb", "a🚀b", "é"]
        #expect(try JSONPathQuery("$[?match(@, 'a.b')]").values(in: document) == ["axb", "a🚀b"])
        #expect(try JSONPathQuery("$[?search(@, '[^a-z]')]").values(in: document) == ["a\nb", "a\rb", "a🚀b", "é"])
        #expect(try JSONPathQuery("$[?length(@) == 3]").values(in: document) == ["a\nb", "a\rb", "axb", "a🚀b"])
    }

    @Test func regexTreatsDollarLiterallyInsideClassesAndRejectsNonIRegexp() throws {
        let document: JSONValue = ["$5", "a5", "\\d"]
        #expect(try JSONPathQuery("$[?match(@, '[$]5')]").values(in: document) == ["$5"])
        #expect(try JSONPathQuery(#"$[?match(@, '\\d')]"#).values(in: document) == [])
        #expect(try JSONPathQuery(#"$[?match(@, '\\p{Nd}|\\p{Lu}')]"#).values(in: ["5", "A", "a"]) == ["5", "A"])
    }

    @Test func valueAndCountFunctions() throws {
        let document: JSONValue = [["tags": ["a", "b"]], ["tags": ["c"]], ["tags": []]]
        #expect(try JSONPathQuery("$[?count(@.tags[*]) == 1].tags[0]").values(in: document) == ["c"])
        #expect(try JSONPathQuery("$[?value(@.tags[0]) == 'a'].tags").values(in: document) == [["a", "b"]])
    }

    @Test func duplicateKeysSelectTheLastMember() throws {
        let document = try JSONValue.parse(#"{"a":1,"a":2}"#)
        #expect(try JSONPathQuery("$.a").values(in: document) == [2])
        #expect(try JSONPathQuery("$.*").values(in: document) == [1, 2])
    }

    @Test func resultPrinterFormats() throws {
        let document: JSONValue = ["a": ["x", 1]]
        let nodes = try JSONPathQuery("$.a[*]").evaluate(document)
        func text(_ printer: QueryResultPrinter) -> String { String(decoding: printer.render(nodes), as: UTF8.self) }
        #expect(text(QueryResultPrinter()) == "[\n  \"x\",\n  1\n]\n")
        #expect(text(QueryResultPrinter(style: .compact)) == "[\"x\",1]\n")
        #expect(text(QueryResultPrinter(each: true)) == "\"x\"\n1\n")
        #expect(text(QueryResultPrinter(raw: true)) == "x\n1\n")
        #expect(text(QueryResultPrinter(paths: true, style: .compact)) == "[\"$['a'][0]\",\"$['a'][1]\"]\n")
        #expect(text(QueryResultPrinter(paths: true, raw: true)) == "$['a'][0]\n$['a'][1]\n")
    }
}

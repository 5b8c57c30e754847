import JSON
import Testing
@testable import Runner

@Suite struct RunnerFilterTests {
    let response = RunnerFixtures.response(body: #"""
    {"list": [1, 2, 3], "empty": [], "ips": "10.0.0.1, 10.0.0.2", "message": "Hello Bob!", "id": "123",
     "score": 1.6, "pi": "3.14", "url": "https://x.org/?x=a%20b&y=2", "encoded": "a%2Fb%20c",
     "json": "{\"message\": \"Hi\"}", "file": "0YjQtdC70LvRiw==", "safe": "PDw_Pz8-Pg", "obj": {"a": 1, "b": 2}}
    """#)

    private func passes(_ line: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let outcome = try RunnerFixtures.check(line, response)
        #expect(outcome.passed, "\(line): actual \(String(describing: outcome.actual)), error \(String(describing: outcome.error))",
                sourceLocation: sourceLocation)
    }

    private func fails(_ line: String, with message: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let outcome = try RunnerFixtures.check(line, response)
        #expect(!outcome.passed, sourceLocation: sourceLocation)
        #expect(outcome.error?.message.contains(message) == true, "\(String(describing: outcome.error))", sourceLocation: sourceLocation)
    }

    @Test func count() throws {
        try passes("jsonpath \"$.list\" count == 3")
        try passes("jsonpath \"$.empty\" count == 0")
        try passes("jsonpath \"$.obj\" count == 2")
        try fails("jsonpath \"$.id\" count == 3", with: "count expects a list")
    }

    @Test func nthFirstLast() throws {
        try passes("jsonpath \"$.list\" nth 0 == 1")
        try passes("jsonpath \"$.list\" nth -1 == 3")
        try passes("jsonpath \"$.list\" first == 1")
        try passes("jsonpath \"$.list\" last == 3")
        try fails("jsonpath \"$.list\" nth 5 == 1", with: "out of bounds")
        try fails("jsonpath \"$.empty\" first == 1", with: "empty")
    }

    @Test func split() throws {
        try passes("jsonpath \"$.ips\" split \", \" count == 2")
        try passes("jsonpath \"$.ips\" split \", \" last == \"10.0.0.2\"")
    }

    @Test func regex() throws {
        try passes("jsonpath \"$.message\" regex /Hello (.*)!/ == \"Bob\"")
        try passes("jsonpath \"$.message\" regex \"(\\\\w+)!\" == \"Bob\"")
        try passes("jsonpath \"$.message\" regex /Goodbye/ not exists")
    }

    @Test func replaceAndReplaceRegex() throws {
        try passes("jsonpath \"$.ips\" replace \", \" \"|\" == \"10.0.0.1|10.0.0.2\"")
        try passes("jsonpath \"$.id\" replace \"\\\\d\" \"x\" == \"123\"")
        try passes("jsonpath \"$.id\" replaceRegex /\\d/ \"x\" == \"xxx\"")
        try passes("jsonpath \"$.message\" replaceRegex \"B[a-z]b\" \"dude\" == \"Hello dude!\"")
        try passes("jsonpath \"$.id\" replace /[13]/ \"_\" == \"_2_\"")
    }

    @Test func toIntToFloatToString() throws {
        try passes("jsonpath \"$.id\" toInt == 123")
        try passes("jsonpath \"$.id\" toInt isInteger")
        try passes("jsonpath \"$.score\" toInt == 1")
        try passes("jsonpath \"$.pi\" toFloat == 3.14")
        try passes("jsonpath \"$.pi\" toFloat isFloat")
        try passes("jsonpath \"$.list\" nth 0 toString == \"1\"")
        try passes("jsonpath \"$.obj\" toString == \"{\\\"a\\\":1,\\\"b\\\":2}\"")
        try fails("jsonpath \"$.message\" toInt == 1", with: "is not an integer")
    }

    @Test func urlEncodeDecodeAndQueryParam() throws {
        try passes("jsonpath \"$.url\" urlEncode == \"https%3A//x.org/%3Fx%3Da%2520b%26y%3D2\"")
        try passes("jsonpath \"$.encoded\" urlDecode == \"a/b c\"")
        try passes("jsonpath \"$.url\" urlQueryParam \"x\" == \"a b\"")
        try passes("jsonpath \"$.url\" urlEncode urlDecode == \"https://x.org/?x=a%20b&y=2\"")
    }

    @Test func jsonpathFilter() throws {
        try passes("jsonpath \"$.json\" jsonpath \"$.message\" == \"Hi\"")
        try passes("jsonpath \"$.obj\" jsonpath \"$.b\" == 2")
    }

    @Test func base64AndHex() throws {
        try passes("jsonpath \"$.file\" base64Decode == hex,d188d0b5d0bbd0bbd18b;")
        try passes("jsonpath \"$.file\" base64Decode base64Encode == \"0YjQtdC70LvRiw==\"")
        try passes("jsonpath \"$.file\" base64Decode toHex == \"d188d0b5d0bbd0bbd18b\"")
        try passes("jsonpath \"$.safe\" base64UrlSafeDecode base64Encode == \"PDw/Pz8+Pg==\"")
        try passes("jsonpath \"$.safe\" base64UrlSafeDecode base64UrlSafeEncode == \"PDw_Pz8-Pg\"")
        try passes("jsonpath \"$.message\" base64Encode == \"SGVsbG8gQm9iIQ==\"")
        try passes("jsonpath \"$.message\" utf8Encode utf8Decode == \"Hello Bob!\"")
        try fails("jsonpath \"$.message\" base64Decode exists", with: "not valid Base64")
    }

    @Test func dates() throws {
        let response = RunnerFixtures.response(body: #"""
        {"iso": "2012-04-23T18:25:43.511Z", "offset": "2024-03-20T11:23:56.773+02:00", "day": "2021-01-13",
         "http": "Wed, 13 Jan 2021 22:23:01 GMT", "future": "2999-01-01T00:00:00Z", "past": "2001-01-01T00:00:00Z"}
        """#)
        for (line, expected) in [
            ("jsonpath \"$.iso\" toDate \"%Y-%m-%dT%H:%M:%S%.fZ\" isDate", true),
            ("jsonpath \"$.iso\" toDate \"%Y-%m-%dT%H:%M:%S%.fZ\" format \"%Y-%m-%d %H:%M:%S\" == \"2012-04-23 18:25:43\"", true),
            ("jsonpath \"$.offset\" toDate \"%+\" format \"%Y-%m-%dT%H:%M\" == \"2024-03-20T09:23\"", true),
            ("jsonpath \"$.day\" toDate \"%Y-%m-%d\" format \"%a, %d %b %Y\" == \"Wed, 13 Jan 2021\"", true),
            ("jsonpath \"$.http\" dateFormat \"%a, %d %b %Y %H:%M:%S\" == \"Wed, 13 Jan 2021 22:23:01\"", true),
            ("jsonpath \"$.future\" toDate \"%+\" daysAfterNow > 1000", true),
            ("jsonpath \"$.past\" toDate \"%+\" daysBeforeNow > 1000", true),
            ("jsonpath \"$.iso\" toDate \"%Y-%m-%d\" isDate", false),
            ("jsonpath \"$.iso\" isDate", false),
        ] {
            let outcome = try RunnerFixtures.check(line, response)
            #expect(outcome.passed == expected, "\(line): \(String(describing: outcome.actual)) \(String(describing: outcome.error))")
        }
        #expect(StrftimeFormat.pattern("%Y-%m-%dT%H:%M:%S%.fZ") == "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
        #expect(StrftimeFormat.pattern("%Q") == nil)
    }

    @Test func filtersTakeTemplatedArguments() throws {
        let outcome = try RunnerFixtures.check("jsonpath \"$.ips\" split \"{{sep}}\" count == 2", response,
                                               variables: VariableStore(["sep": .string(", ")]))
        #expect(outcome.passed)
    }

    @Test func aFilterWithNoValueFails() throws {
        try fails("jsonpath \"$.missing\" count == 0", with: "there is no value to filter")
    }

    @Test func apishRunsEveryFilterOfTheGrammarButThese() {
        let unsupported = HurlFilter.signatures.keys.filter { FilterDispatch.implementation(named: $0) == nil }.sorted()
        #expect(unsupported == ["decode", "htmlEscape", "htmlUnescape", "location", "xpath"])
    }
}

import Hurl

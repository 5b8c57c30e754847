import JSON
import Testing
@testable import Runner

@Suite struct RunnerPredicateTests {
    let response = RunnerFixtures.response(body: #"""
    {"int": 5, "float": 1.5, "whole": 5.0, "text": "Hello World", "empty": "", "list": ["a", "b"], "none": [],
     "obj": {"k": 1}, "null": null, "yes": true, "date": "2024-03-20T11:23:56.773+02:00", "ip4": "192.168.0.1",
     "ip6": "2001:db8::ff00:42:8329", "uuid": "01cc0f54-8885-4a1d-9121-ae5d316a33c5", "big": 100000000000000000000}
    """#)

    private func check(_ line: String, _ expected: Bool, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let outcome = try RunnerFixtures.check(line, response, variables: VariableStore(["five": .integer(5), "word": .string("World")]))
        #expect(outcome.passed == expected, "\(line): actual \(String(describing: outcome.actual)), error \(String(describing: outcome.error))",
                sourceLocation: sourceLocation)
    }

    @Test func equality() throws {
        try check("jsonpath \"$.int\" == 5", true)
        try check("jsonpath \"$.int\" == 5.0", true)
        try check("jsonpath \"$.int\" == {{five}}", true)
        try check("jsonpath \"$.int\" == \"5\"", false)
        try check("jsonpath \"$.int\" != 4", true)
        try check("jsonpath \"$.int\" not == 4", true)
        try check("jsonpath \"$.text\" == \"Hello {{word}}\"", true)
        try check("jsonpath \"$.null\" == null", true)
        try check("jsonpath \"$.yes\" == true", true)
        try check("jsonpath \"$.list\" == {{list}}", false)
        try check("jsonpath \"$.big\" == 100000000000000000000", true)
        try check("jsonpath \"$.missing\" == 1", false)
        try check("jsonpath \"$.missing\" != 1", false)
    }

    @Test func ordering() throws {
        try check("jsonpath \"$.int\" > 4", true)
        try check("jsonpath \"$.int\" > 5", false)
        try check("jsonpath \"$.int\" >= 5", true)
        try check("jsonpath \"$.float\" < 2", true)
        try check("jsonpath \"$.float\" <= 1.5", true)
        try check("jsonpath \"$.text\" > \"Hello\"", true)
        try check("jsonpath \"$.text\" < 5", false)
    }

    @Test func text() throws {
        try check("jsonpath \"$.text\" startsWith \"Hello\"", true)
        try check("jsonpath \"$.text\" endsWith \"World\"", true)
        try check("jsonpath \"$.text\" contains \"lo W\"", true)
        try check("jsonpath \"$.text\" contains \"xyz\"", false)
        try check("jsonpath \"$.text\" not contains \"xyz\"", true)
        try check("jsonpath \"$.text\" matches /^Hello \\w+$/", true)
        try check("jsonpath \"$.text\" matches \"^World\"", false)
        try check("jsonpath \"$.list\" contains \"b\"", true)
        try check("body startsWith hex,7b;", true)
    }

    @Test func includesExistsAndIsEmpty() throws {
        try check("jsonpath \"$.list\" includes \"a\"", true)
        try check("jsonpath \"$.list\" includes \"c\"", false)
        try check("jsonpath \"$.null\" exists", true)
        try check("jsonpath \"$.missing\" exists", false)
        try check("jsonpath \"$.missing\" not exists", true)
        try check("jsonpath \"$.empty\" isEmpty", true)
        try check("jsonpath \"$.none\" isEmpty", true)
        try check("jsonpath \"$.list\" isEmpty", false)
        try check("jsonpath \"$.list\" not isEmpty", true)
    }

    @Test func types() throws {
        try check("jsonpath \"$.int\" isInteger", true)
        try check("jsonpath \"$.whole\" isInteger", false)
        try check("jsonpath \"$.whole\" isFloat", true)
        try check("jsonpath \"$.float\" isFloat", true)
        try check("jsonpath \"$.int\" isNumber", true)
        try check("jsonpath \"$.text\" isNumber", false)
        try check("jsonpath \"$.yes\" isBoolean", true)
        try check("jsonpath \"$.text\" isString", true)
        try check("jsonpath \"$.list\" isCollection", true)
        try check("jsonpath \"$.obj\" isCollection", true)
        try check("jsonpath \"$.list\" isList", true)
        try check("jsonpath \"$.obj\" isList", false)
        try check("jsonpath \"$.obj\" isObject", true)
        try check("jsonpath \"$.date\" isIsoDate", true)
        try check("jsonpath \"$.text\" isIsoDate", false)
        try check("jsonpath \"$.date\" isDate", false)
        try check("jsonpath \"$.ip4\" isIpv4", true)
        try check("jsonpath \"$.ip6\" isIpv6", true)
        try check("jsonpath \"$.ip4\" isIpv6", false)
        try check("jsonpath \"$.uuid\" isUuid", true)
        try check("jsonpath \"$.text\" isUuid", false)
    }

    @Test func expectationsAreWrittenForPeople() throws {
        let parsed = try RunnerFixtures.assert("status not >= 5")
        let outcome = try PredicateDispatch.evaluate(parsed.predicate, actual: .integer(7), expected: .integer(5))
        #expect(outcome == PredicateOutcome(passed: false, expected: "not greater than or equal to 5"))
    }
}

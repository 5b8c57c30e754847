import JSON
import Testing
@testable import Runner

/// Numbers compare as Hurl compares them: integers exactly, whatever their size; floats as 64-bit floats.
@Suite struct RunnerNumberTests {
    let response = RunnerFixtures.response(body: #"""
    {"tenth": 0.1, "third": 0.3333333333333333, "int": 9007199254740993, "big": 100000000000000000001, "whole": 5.0, "pi": 3.14}
    """#)

    private func check(_ line: String, _ expected: Bool, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let outcome = try RunnerFixtures.check(line, response)
        #expect(outcome.passed == expected, "\(line): actual \(String(describing: outcome.actual)), error \(String(describing: outcome.error))",
                sourceLocation: sourceLocation)
    }

    @Test func floatsCompareAs64BitFloats() throws {
        try check("jsonpath \"$.tenth\" == 0.100000000000000005", true)
        try check("jsonpath \"$.third\" == 0.333333333333333333", true)
        try check("jsonpath \"$.tenth\" == 0.1000001", false)
        try check("jsonpath \"$.tenth\" != 0.100000000000000005", false)
        try check("jsonpath \"$.tenth\" >= 0.100000000000000005", true)
        try check("jsonpath \"$.tenth\" < 0.100000000000000005", false)
        try check("jsonpath \"$.pi\" > 3.139999999999999999", false)
        try check("jsonpath \"$.whole\" == 5", true)
    }

    @Test func integersCompareExactlyWhateverTheirSize() throws {
        // 9007199254740993 is 2^53 + 1: as doubles it would equal 2^53.
        try check("jsonpath \"$.int\" == 9007199254740993", true)
        try check("jsonpath \"$.int\" == 9007199254740992", false)
        try check("jsonpath \"$.int\" > 9007199254740992", true)
        try check("jsonpath \"$.big\" == 100000000000000000001", true)
        try check("jsonpath \"$.big\" == 100000000000000000000", false)
        try check("jsonpath \"$.big\" > 100000000000000000000", true)
    }

    @Test func numbersStillPrintAsSent() throws {
        let outcome = try RunnerFixtures.check("jsonpath \"$.third\" == 0.333333333333333333", response)
        #expect(outcome.actual?.display == "0.3333333333333333")
        #expect(RunValue.number(JSONNumber(literal: "0.100000000000000005")!).display == "0.100000000000000005")
    }
}

import Foundation
import JSON
import JSONPath
import Testing

/// The official JSONPath Compliance Test Suite: every case must pass.
@Suite struct ComplianceSuiteTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let selector: String
        let document: JSONValue?
        let invalid: Bool
        /// Acceptable results (one, or several when object member order makes the order unspecified).
        let results: [[JSONValue]]
        let paths: [[String]]

        var testDescription: String { "\(name) [\(selector)]" }
    }

    static func loadCases() throws -> [Case] {
        let url = try ConformancePaths.file("jsonpath-cts/cts.json")
        let suite = try JSONValue.parse(try Data(contentsOf: url))
        let tests = try #require(suite["tests"]?.arrayValue)
        return try tests.map { test in
            let name = try #require(test["name"]?.stringValue)
            let selector = try #require(test["selector"]?.stringValue, "\(name): no selector")
            func list(_ single: String, _ several: String) -> [[JSONValue]] {
                if let one = test[single]?.arrayValue { return [one] }
                return test[several]?.arrayValue?.compactMap(\.arrayValue) ?? []
            }
            return Case(
                name: name,
                selector: selector,
                document: test["document"],
                invalid: test["invalid_selector"]?.boolValue ?? false,
                results: list("result", "results"),
                paths: list("result_paths", "results_paths").map { $0.compactMap(\.stringValue) }
            )
        }
    }

    /// Fails with the reason when the suite cannot be read (then no case below runs).
    @Test func suiteHasEveryCase() throws {
        #expect(try Self.loadCases().count == 703)
    }

    /// One test case per compliance case, named by the case.
    @Test(arguments: (try? loadCases()) ?? [])
    func complianceCase(_ test: Case) {
        if let failure = Self.check(test) {
            Issue.record(Comment(rawValue: "\(test.name) [\(test.selector)]: \(failure)"))
        }
    }

    static func check(_ test: Case) -> String? {
        let query: JSONPathQuery
        do {
            query = try JSONPathQuery(test.selector)
        } catch {
            return test.invalid ? nil : "rejected: \(error.description)"
        }
        if test.invalid { return "accepted an invalid selector" }
        guard let document = test.document else { return "case has no document" }
        let nodes = query.evaluate(document)
        let values = nodes.map(\.value)
        let valuesMatch = test.results.contains { expected in
            expected.count == values.count && zip(expected, values).allSatisfy { $0.semanticallyEquals($1) }
        }
        if !valuesMatch {
            return "got \(JSONValue.array(values)), expected one of \(test.results.map { JSONValue.array($0).description })"
        }
        let paths = nodes.map(\.path)
        if !test.paths.isEmpty && !test.paths.contains(paths) {
            return "got paths \(paths), expected one of \(test.paths)"
        }
        // Values alone must agree with evaluate's values.
        if !query.values(in: document).elementsEqual(values) { return "values(in:) differs from evaluate" }
        // The document read in place selects the same nodes as its tree.
        guard let inPlace = try? JSONDocument(document.serializedBytes(style: .pretty)) else {
            return "the serialized document does not read back"
        }
        let selected = query.evaluate(inPlace)
        if selected.map(\.path) != paths || selected.map({ inPlace.value(of: $0.node) }) != values {
            return "the document read in place selects \(selected.map(\.path)), the tree \(paths)"
        }
        return nil
    }
}

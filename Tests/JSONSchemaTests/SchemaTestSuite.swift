import Foundation
import JSON
import JSONSchema
import TestSupport
import Testing

/// One test of the official JSON Schema Test Suite: a schema, an instance, and whether it is valid.
struct SuiteCase: Sendable, CustomTestStringConvertible {
    let file: String
    let group: String
    let test: String
    let schema: JSONValue
    let data: JSONValue
    let valid: Bool
    let dialect: SchemaDialect?
    var assertsFormat = false

    var testDescription: String { "\(file) / \(group) / \(test)" }

    /// Runs the case; nil when it passed, else what went wrong.
    func failure() -> String? {
        do {
            var validator = try SchemaValidator(document: schema, dialect: dialect, documents: SchemaTestSuite.remotes)
            validator.assertsFormat = assertsFormat
            let violations = validator.validate(data)
            if violations.isEmpty == valid { return nil }
            return valid ? "expected valid, got \(violations.map(\.description))" : "expected invalid, got no violation"
        } catch {
            return "schema rejected: \(error)"
        }
    }
}

/// Reads the suite from `shared/conformance/json-schema-test-suite` beside the package.
enum SchemaTestSuite {
    static let root = PackagePaths.conformance.appendingPathComponent("json-schema-test-suite")

    /// A folder of the suite; a missing one is an error, so an absent suite fails instead of running no cases.
    static func folder(_ relativePath: String) throws -> URL {
        let folder = root.appendingPathComponent(relativePath)
        guard FileManager.default.fileExists(atPath: folder.path) else { throw MissingSuite(description: "not found: \(folder.path)") }
        return folder
    }

    struct MissingSuite: Error, CustomStringConvertible {
        let description: String
    }

    /// The documents the suite's schemas reference as `http://localhost:1234/…`, read from `remotes/`.
    static let remotes: [String: JSONValue] = (try? loadRemotes()) ?? [:]

    static func loadRemotes() throws -> [String: JSONValue] {
        let folder = try folder("remotes")
        var documents: [String: JSONValue] = [:]
        let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        while let file = files?.nextObject() as? URL {
            guard file.pathExtension == "json" else { continue }
            let relative = file.resolvingSymlinksInPath().path.dropFirst(folder.resolvingSymlinksInPath().path.count + 1)
            documents["http://localhost:1234/" + relative] = try JSONValue.parse(Data(contentsOf: file))
        }
        return documents
    }

    /// Every case of the JSON files directly in `tests/<draft>/<subfolder>`.
    static func cases(draft: String, subfolder: String = "", dialect: SchemaDialect?) throws -> [SuiteCase] {
        let folder = try folder("tests/" + draft + (subfolder.isEmpty ? "" : "/" + subfolder))
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }.sorted()
        var cases: [SuiteCase] = []
        for file in files {
            let groups = try JSONValue.parse(Data(contentsOf: folder.appendingPathComponent(file))).arrayValue ?? []
            for group in groups {
                for test in group["tests"]?.arrayValue ?? [] {
                    cases.append(SuiteCase(
                        file: draft + "/" + (subfolder.isEmpty ? "" : subfolder + "/") + file,
                        group: group["description"]?.stringValue ?? "",
                        test: test["description"]?.stringValue ?? "",
                        schema: group["schema"] ?? .null,
                        data: test["data"] ?? .null,
                        valid: test["valid"]?.boolValue ?? false,
                        dialect: dialect))
                }
            }
        }
        return cases
    }

    static let draft2020Cases = (try? cases(draft: "draft2020-12", dialect: nil)) ?? []
    static let draft4Cases = (try? cases(draft: "draft4", dialect: .draft4)) ?? []
}

@Suite struct JSONSchemaTestSuiteTests {
    @Test func theSuiteAndItsRemotesAreThere() throws {
        #expect(try SchemaTestSuite.cases(draft: "draft2020-12", dialect: nil).count > 1_000)
        #expect(try SchemaTestSuite.cases(draft: "draft4", dialect: .draft4).count > 500)
        #expect(try SchemaTestSuite.loadRemotes()["http://localhost:1234/draft2020-12/integer.json"] != nil)
    }

    @Test("draft 2020-12 (required)", arguments: SchemaTestSuite.draft2020Cases)
    func draft2020(_ suiteCase: SuiteCase) {
        #expect(suiteCase.failure() == nil)
    }

    @Test("draft-04 (required)", arguments: SchemaTestSuite.draft4Cases)
    func draft4(_ suiteCase: SuiteCase) {
        #expect(suiteCase.failure() == nil)
    }

    /// The optional format tests expect `format` asserted, which the validator does when asked
    /// (`assertsFormat`); they are counted, not required. Annotation only (the default), the tests
    /// expecting a string to be rejected fail by design.
    @Test func optionalFormatTestsAreCounted() throws {
        var lines: [String] = []
        for (draft, dialect) in [("draft2020-12", nil), ("draft4", SchemaDialect.draft4)] as [(String, SchemaDialect?)] {
            let cases = try SchemaTestSuite.cases(draft: draft, subfolder: "optional/format", dialect: dialect)
            let annotated = cases.filter { $0.failure() == nil }.count
            let asserted = cases.filter { var asserting = $0; asserting.assertsFormat = true; return asserting.failure() == nil }.count
            #expect(cases.count > 200)
            #expect(asserted > annotated)
            lines.append("\(draft) optional format tests: \(asserted) of \(cases.count) pass with format asserted, \(annotated) as annotation only")
        }
        print(lines.joined(separator: "\n"))
    }
}

import ArgumentParser
import Foundation
import JSON
import JSONSchema
import Shell

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a JSON document against a JSON Schema (draft 2020-12, draft-04, OpenAPI 3.0).",
        discussion: """
            Reads FILE, or standard input when FILE is omitted or '-'. The schema is draft 2020-12 unless \
            its $schema names draft-04, or --dialect says otherwise. Each violation prints as \
            '/json/pointer: keyword: message'. Exit status: 0 valid, 4 invalid, 2 when the schema or the \
            document cannot be read, is not JSON, or the schema cannot be used (a $ref to nothing, a bad pattern).
            """
    )

    @Argument(help: "The JSON Schema file.")
    var schema: String

    @Argument(help: "The JSON document to check (default: standard input).")
    var file: String?

    @Option(help: "The schema dialect: 2020-12, draft-04 or openapi-3.0 (default: from $schema, else 2020-12).")
    var dialect: String?

    @Flag(help: "Check `format` (date-time, email, uuid, ipv4, uri, …) instead of treating it as an annotation.")
    var assertFormat = false

    func validate() throws {
        if let dialect, SchemaDialect(rawValue: dialect) == nil {
            throw ValidationError("--dialect takes one of \(SchemaDialect.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    func run() throws {
        let validator: SchemaValidator
        do {
            validator = try SchemaFile.validator(at: schema, shownAs: schema, dialect: dialect.flatMap(SchemaDialect.init(rawValue:)),
                                                 assertsFormat: assertFormat)
        } catch {
            JSONCommandSupport.fail("validate", error.description)
            throw ExitCode(2)
        }
        let document: JSONDocument
        do {
            document = try JSONCommandSupport.readDocument(file, command: "validate")
        } catch let code as ExitCode where code == ExitCode(3) {
            // A document that cannot be read is as unusable as one that is not JSON: both exit 2 here.
            throw ExitCode(2)
        }
        let violations = validator.validate(document.value(of: document.root))
        for violation in violations {
            JSONCommandSupport.writeToStandardOutput(Array((violation.description + "\n").utf8))
        }
        if !violations.isEmpty { throw ExitCode(4) }
    }
}

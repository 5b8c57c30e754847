import Foundation
import HTTPExchange
import JSON
import JSONSchema

/// `validate`: the last response body against a JSON Schema file.
enum SchemaCommands {
    static let all: [ShellCommand] = [
        ShellCommand(
            name: "validate", usage: "validate SCHEMA_FILE [--dialect 2020-12|draft-04|openapi-3.0] [--assert-format]",
            summary: "check the last response body against a JSON Schema: validate schemas/contact.json",
            details: """
                The schema is JSON Schema draft 2020-12 unless its $schema names draft-04, or --dialect says
                draft-04 or openapi-3.0 (OpenAPI 3.0's Schema Object: nullable, boolean exclusiveMinimum).
                `format` is an annotation unless --assert-format (date-time, email, uuid, ipv4, uri, …).
                Each violation prints as /json/pointer: keyword: message.
                In a script a body that does not match stops it with exit code 4, like `expect`.
                Example: validate schemas/contact.json
                """,
            run: { session, arguments, _ throws(ShellError) in
                var arguments = arguments
                let assertsFormat = QueryCommands.remove("--assert-format", from: &arguments)
                var dialect: SchemaDialect?
                if let flag = arguments.firstIndex(of: "--dialect") {
                    guard flag + 1 < arguments.count, let named = SchemaDialect(rawValue: arguments[flag + 1]) else {
                        throw .usage("--dialect takes one of \(SchemaDialect.allCases.map(\.rawValue).joined(separator: ", "))")
                    }
                    dialect = named
                    arguments.removeSubrange(flag...(flag + 1))
                }
                guard arguments.count == 1 else { throw .usage("usage: validate SCHEMA_FILE [--dialect D] [--assert-format]") }
                try validate(session: session, schemaPath: arguments[0], dialect: dialect, assertsFormat: assertsFormat)
            }),
    ]

    static func validate(session: ShellSession, schemaPath: String, dialect: SchemaDialect?, assertsFormat: Bool) throws(ShellError) {
        let record = try session.exchange(nil)
        let validator: SchemaValidator
        do {
            validator = try SchemaFile.validator(at: session.resolveLocalPath(schemaPath), shownAs: schemaPath, dialect: dialect,
                                                 assertsFormat: assertsFormat)
        } catch {
            throw .parse(error.description)
        }
        let document = try QueryCommands.document(record.response)
        let violations = validator.validate(document.value(of: document.root))
        guard violations.isEmpty else {
            let count = violations.count == 1 ? "1 violation" : "\(violations.count) violations"
            throw .expectation("the response body does not match \(schemaPath) (\(count)):\n"
                + violations.map { "  " + $0.description }.joined(separator: "\n"))
        }
        session.output.line(session.output.style.paint("✓ ", .boldGreen) + "the response body matches \(schemaPath)")
    }
}

/// A JSON Schema read from a file, for the shell's `validate` and `apish validate`: one place that reads,
/// parses and indexes it, and words what can go wrong in one line.
public enum SchemaFile {
    public struct LoadError: Error, CustomStringConvertible {
        public let description: String
    }

    /// `shownAs` is the path as the user typed it, for messages. The file's `file://` URL is the schema's
    /// base URI, so its `$ref`s to itself resolve however it is named, and a `$ref` to another local file
    /// (`common.json#/$defs/id`) reads that file.
    public static func validator(at path: String, shownAs: String, dialect: SchemaDialect?, assertsFormat: Bool) throws(LoadError) -> SchemaValidator {
        let document = try read(path, shownAs: shownAs)
        let baseURI = URL(fileURLWithPath: path).absoluteString
        var documents: [String: JSONValue] = [:]
        while true {
            do {
                var validator = try SchemaValidator(document: document, dialect: dialect, baseURI: baseURI, documents: documents)
                validator.assertsFormat = assertsFormat
                return validator
            } catch {
                guard let missing = error.missingDocument, documents[missing] == nil,
                      let url = URL(string: missing), url.isFileURL else {
                    throw LoadError(description: "the schema \(shownAs) cannot be used: \(error.message)")
                }
                documents[missing] = try read(url.path, shownAs: url.path)
            }
        }
    }

    private static func read(_ path: String, shownAs: String) throws(LoadError) -> JSONValue {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
              let data = FileManager.default.contents(atPath: path)
        else {
            throw LoadError(description: "cannot read the schema \(shownAs): no such file")
        }
        do {
            return try JSONValue.parse(data)
        } catch {
            throw LoadError(description: "the schema \(shownAs) is not JSON (line \(error.line), column \(error.column): \(error.message))")
        }
    }
}

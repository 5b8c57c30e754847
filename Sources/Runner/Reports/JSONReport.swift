import JSON

/// A machine-readable report, stable across releases (fields are only ever added, with `version`
/// raised on any other change). Secrets are masked as in every other output.
///
/// ```
/// { "version": 1,
///   "summary": { "files": 2, "passed": 1, "failed": 1, "exit_code": 4, "duration_ms": 87 },
///   "files": [
///     { "file": "contacts.hurl", "passed": false, "duration_ms": 80,
///       "error": null,                       // or { "kind": "parse"|"read", "message", "line", "column" }
///       "warnings": ["contacts.hurl:4:1: unknown option 'foo' is ignored"],
///       "entries": [
///         { "index": 1, "line": 3, "method": "GET", "url": "http://127.0.0.1:8181/api/contacts",
///           "passed": false, "skipped": false, "retries": 0, "duration_ms": 12,
///           "response": { "status": 200, "version": "HTTP/1.1" },   // or null when none came
///           "error": null,                   // or { "message", "line" } for a runtime failure
///           "captures": [ { "name": "id", "line": 7, "value": "42" } ],
///           "asserts": [ { "line": 9, "expression": "jsonpath \"$.total\" == 3", "implicit": false,
///                          "passed": false, "expected": "3", "actual": "2", "error": null } ] } ] } ] }
/// ```
public enum JSONReport {
    public static let version = 1

    public static func json(_ run: RunResult) -> String {
        var text = ""
        write(run, to: &text)
        return text
    }

    /// Writes the report a file at a time and an entry at a time, never holding it whole: a long run's
    /// entries are read back from where the runner keeps them.
    public static func write(_ run: RunResult, to output: inout some TextOutputStream) {
        let summary: JSONValue = object([
            ("files", .number(JSONNumber(run.files.count))), ("passed", .number(JSONNumber(run.passedCount))),
            ("failed", .number(JSONNumber(run.failedCount))), ("exit_code", .number(JSONNumber(Int(run.exitCode.rawValue)))),
            ("duration_ms", .number(JSONNumber(run.duration.milliseconds))),
        ])
        writeObject([("version", .number(JSONNumber(version))), ("summary", summary)], then: "files", run.files, depth: 0, to: &output) {
            file, depth, output in
            writeFile(file, depth: depth, to: &output)
        }
        output.write("\n")
    }

    private static func writeFile(_ file: FileResult, depth: Int, to output: inout some TextOutputStream) {
        var error: JSONValue = .null
        if let parseError = file.parseError {
            error = object([("kind", "parse"), ("message", .string(parseError.message)),
                            ("line", .number(JSONNumber(parseError.line))), ("column", .number(JSONNumber(parseError.column)))])
        } else if let readError = file.readError {
            error = object([("kind", "read"), ("message", .string(readError)), ("line", .null), ("column", .null)])
        }
        let members: [(String, JSONValue)] = [
            ("file", .string(file.fileName)), ("passed", .bool(file.passed)), ("duration_ms", .number(JSONNumber(file.duration.milliseconds))),
            ("error", error), ("warnings", .array(file.warnings.map { .string("\($0.fileName):\($0.line):\($0.column): \($0.message)") })),
        ]
        writeObject(members, then: "entries", file.entries, depth: depth, to: &output) { entry, depth, output in
            output.write(serialized(self.entry(entry), depth: depth))
        }
    }

    /// Writes an object `depth` levels deep as the pretty style prints it, whose last member, `key`,
    /// is an array written an element at a time by `writeElement`.
    private static func writeObject<Element, Output: TextOutputStream>(
        _ members: [(String, JSONValue)], then key: String, _ elements: some Sequence<Element>, depth: Int,
        to output: inout Output, writeElement: (Element, Int, inout Output) -> Void
    ) {
        let indent = String(repeating: " ", count: 2 * (depth + 1))
        output.write("{")
        for (name, value) in members {
            output.write("\n\(indent)\(serialized(.string(name), depth: 0)): \(serialized(value, depth: depth + 1)),")
        }
        output.write("\n\(indent)\(serialized(.string(key), depth: 0)): [")
        var isEmpty = true
        for element in elements {
            output.write(isEmpty ? "\n" : ",\n")
            output.write(String(repeating: " ", count: 2 * (depth + 2)))
            writeElement(element, depth + 2, &output)
            isEmpty = false
        }
        output.write(isEmpty ? "]" : "\n\(indent)]")
        output.write("\n\(String(repeating: " ", count: 2 * depth))}")
    }

    private static func serialized(_ value: JSONValue, depth: Int) -> String {
        var writer = JSONWriter(style: .pretty)
        writer.write(value, depth: depth)
        return String(decoding: writer.buffer, as: UTF8.self)
    }

    private static func entry(_ entry: EntryResult) -> JSONValue {
        let response: JSONValue = entry.response.map {
            object([("status", .number(JSONNumber($0.status))), ("version", .string($0.version))])
        } ?? .null
        let error: JSONValue = entry.failure.map {
            object([("message", .string($0.message)), ("line", .number(JSONNumber($0.line ?? entry.line)))])
        } ?? .null
        return object([
            ("index", .number(JSONNumber(entry.index))), ("line", .number(JSONNumber(entry.line))),
            ("method", .string(entry.method)), ("url", .string(entry.url)), ("passed", .bool(entry.passed)),
            ("skipped", .bool(entry.skipped)), ("retries", .number(JSONNumber(entry.retries))),
            ("duration_ms", .number(JSONNumber(entry.duration.milliseconds))), ("response", response), ("error", error),
            ("captures", .array(entry.captures.map {
                object([("name", .string($0.name)), ("line", .number(JSONNumber($0.line))), ("value", .string($0.value))])
            })),
            ("asserts", .array(entry.asserts.map {
                object([
                    ("line", .number(JSONNumber($0.line))), ("expression", .string($0.expression)), ("implicit", .bool($0.isImplicit)),
                    ("passed", .bool($0.passed)), ("expected", .string($0.expected)), ("actual", .string($0.actual)),
                    ("error", $0.error.map(JSONValue.string) ?? .null),
                ])
            })),
        ])
    }

    private static func object(_ members: [(String, JSONValue)]) -> JSONValue {
        .object(JSONObject(members.map { (key: $0.0, value: $0.1) }))
    }
}

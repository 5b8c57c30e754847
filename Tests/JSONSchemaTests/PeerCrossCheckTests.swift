import Foundation
import JSON
import JSONSchema
import Testing

/// The same schemas and generated instances through the `jsonschema` Python package (installed by
/// `make test-deps`), an independent implementation: every verdict must agree. Numbers stay where
/// Python's floats are exact, since `jsonschema` divides floats for `multipleOf`.
@Suite struct PeerCrossCheckTests {
    static let schemas = [
        #"""
        {"type": "object", "required": ["id"], "additionalProperties": false,
         "properties": {"id": {"type": "integer", "minimum": 1, "multipleOf": 3}, "xy": {"type": ["string", "null"]},
                        "email": {"type": "string", "minLength": 3, "pattern": "^[a-z]+@"},
                        "tags": {"type": "array", "items": {"enum": ["new", "vip", 1]}, "uniqueItems": true, "maxItems": 2},
                        "owner": {"$ref": "#/$defs/owner"}},
         "$defs": {"owner": {"type": ["object", "null"], "properties": {"name": {"type": "string", "maxLength": 4}},
                             "dependentRequired": {"name": ["id"]}}}}
        """#,
        #"""
        {"anyOf": [{"type": "array", "prefixItems": [{"type": "string"}, {"type": "integer"}], "unevaluatedItems": false},
                   {"type": "object", "minProperties": 2, "propertyNames": {"maxLength": 5}},
                   {"type": "number", "exclusiveMaximum": 10, "not": {"const": 1}}],
         "if": {"type": "object", "required": ["id"]}, "then": {"properties": {"id": {"type": "string"}}},
         "else": {"contains": {"type": "boolean"}, "maxContains": 1}}
        """#,
        #"""
        {"type": "object", "properties": {"id": true}, "patternProperties": {"^x": {"type": "integer"}},
         "allOf": [{"properties": {"email": {"type": "string"}}}], "oneOf": [{"required": ["id"]}, {"required": ["email"]}],
         "unevaluatedProperties": {"type": "array", "minItems": 1},
         "dependentSchemas": {"id": {"properties": {"tags": {"const": [1, "vip"]}}}}}
        """#,
    ]

    /// A small deterministic generator (xorshift), so a disagreement reproduces.
    struct Generator {
        var state: UInt64

        mutating func next(_ bound: Int) -> Int {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return Int(state % UInt64(bound))
        }

        mutating func value(depth: Int = 0) -> String {
            let keys = ["id", "email", "xy", "tags", "owner", "name", "x1", "abc", "email2"]
            let scalars = ["null", "true", "false", "0", "1", "3", "9", "12", "-3", "2.5", "10", "1.0", "123456789012345678901234567891",
                           #""""#, #""a""#, #""ab@x""#, #""new""#, #""vip""#, #""Ada""#, #""Adaline""#, #""é@x""#]
            // Objects are likelier at the top, where the schemas expect them.
            switch depth >= 2 ? 0 : depth == 0 && next(3) > 0 ? 2 : next(3) {
            case 0:
                return scalars[next(scalars.count)]
            case 1:
                return "[" + (0..<next(4)).map { _ in value(depth: depth + 1) }.joined(separator: ",") + "]"
            default:
                var chosen: [String] = []
                for _ in 0..<next(4) {
                    let key = keys[next(depth == 0 ? 4 : keys.count)]
                    if !chosen.contains(key) { chosen.append(key) }
                }
                return "{" + chosen.map { "\"\($0)\":" + value(depth: depth + 1) }.joined(separator: ",") + "}"
            }
        }
    }

    @Test func verdictsAgreeWithPythonJsonschema() throws {
        var generator = Generator(state: 0x9E37_79B9_7F4A_7C15)
        var lines: [String] = []
        var ours: [Bool] = []
        for schema in Self.schemas {
            let validator = try SchemaValidator(document: JSONValue.parse(schema))
            let compactSchema = try JSONValue.parse(schema).serialized()
            for _ in 0..<300 {
                let instance = generator.value()
                ours.append(validator.validate(try JSONValue.parse(instance)).isEmpty)
                lines.append(#"{"schema":\#(compactSchema),"instance":\#(instance)}"#)
            }
        }
        let theirs = try Self.pythonVerdicts(lines)
        #expect(theirs.count == ours.count)
        for (position, pair) in zip(ours, theirs).enumerated() where pair.0 != pair.1 {
            Issue.record("apish says \(pair.0 ? "valid" : "invalid"), jsonschema \(pair.1 ? "valid" : "invalid"): \(lines[position])")
        }
        let validCount = ours.filter { $0 }.count
        #expect(validCount >= 50 && ours.count - validCount >= 50, "\(validCount) of \(ours.count) valid: both verdicts are exercised")
    }

    static func pythonVerdicts(_ lines: [String]) throws -> [Bool] {
        let script = """
            import json, sys
            from jsonschema import Draft202012Validator
            for line in sys.stdin:
                case = json.loads(line)
                print("1" if Draft202012Validator(case["schema"]).is_valid(case["instance"]) else "0")
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script]
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let writer = Thread {
            input.fileHandleForWriting.write(Data((lines.joined(separator: "\n") + "\n").utf8))
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let answer = output.fileHandleForReading.readDataToEndOfFile()
        let problems = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw PeerError(description: "python3 with jsonschema (make test-deps) failed: \(String(decoding: problems, as: UTF8.self))")
        }
        return String(decoding: answer, as: UTF8.self).split(separator: "\n").map { $0 == "1" }
    }

    struct PeerError: Error, CustomStringConvertible {
        let description: String
    }
}

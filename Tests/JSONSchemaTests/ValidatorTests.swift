import Foundation
import JSON
import JSONSchema
import Testing

private func violations(_ schema: String, _ instance: String, pointer: String = "", dialect: SchemaDialect? = nil,
                        documents: [String: JSONValue] = [:]) throws -> [String] {
    let validator = try SchemaValidator(document: JSONValue.parse(schema), pointer: pointer, dialect: dialect, documents: documents)
    return validator.validate(try JSONValue.parse(instance)).map(\.description)
}

private func schemaError(_ schema: String, pointer: String = "", dialect: SchemaDialect? = nil) throws -> String? {
    let document = try JSONValue.parse(schema)
    do {
        _ = try SchemaValidator(document: document, pointer: pointer, dialect: dialect)
        return nil
    } catch {
        return error.message
    }
}

@Suite struct ExactNumberTests {
    @Test func multipleOfIsDecimalArithmetic() throws {
        #expect(try violations(#"{"multipleOf": 0.01}"#, "0.07").isEmpty)
        #expect(try violations(#"{"multipleOf": 0.1}"#, "0.3").isEmpty)
        #expect(try violations(#"{"multipleOf": 0.5}"#, "1e308").isEmpty)
        #expect(try violations(#"{"multipleOf": 3}"#, "123456789012345678901234567891") == ["/: multipleOf: 123456789012345678901234567891 is not a multiple of 3"])
        #expect(try violations(#"{"multipleOf": 1e-3}"#, "2.0005") == ["/: multipleOf: 2.0005 is not a multiple of 1e-3"])
    }

    @Test func bigIntegersCompareExactly() throws {
        #expect(try violations(#"{"maximum": 18446744073709551615}"#, "18446744073709551616") == ["/: maximum: 18446744073709551616 is greater than 18446744073709551615"])
        #expect(try violations(#"{"exclusiveMinimum": 9007199254740992}"#, "9007199254740993").isEmpty)
        #expect(try violations(#"{"const": 1e2}"#, "100.0").isEmpty)
    }

    @Test func aNumberWithAZeroFractionIsAnInteger() throws {
        #expect(try violations(#"{"type": "integer"}"#, "1.0").isEmpty)
        #expect(try violations(#"{"type": "integer"}"#, "1e400").isEmpty)
        #expect(try violations(#"{"type": "integer"}"#, "1.5") == ["/: type: expected integer, got number"])
    }

    @Test func patternsReadAsECMA262() throws {
        #expect(try violations(#"{"pattern": "^\\cJ$"}"#, #""\n""#).isEmpty)
        #expect(try violations(#"{"pattern": "^\\d+$"}"#, #""١٢""#) == [#"/: pattern: does not match ^\d+$"#])
        #expect(try violations(#"{"pattern": "b"}"#, #""abc""#).isEmpty)
    }

    @Test func lengthCountsCodePoints() throws {
        #expect(try violations(#"{"maxLength": 1}"#, #""😀""#).isEmpty)
        #expect(try violations(#"{"minLength": 2}"#, #""é""#) == ["/: minLength: 1 characters, fewer than 2"])
    }
}

@Suite struct ViolationReportTests {
    @Test func eachViolationNamesItsPointerKeywordAndReason() throws {
        let schema = #"""
            {"type": "object", "required": ["id"], "additionalProperties": false,
             "properties": {"id": {"type": "integer"}, "tags": {"type": "array", "uniqueItems": true, "items": {"type": "string"}},
                            "a/b": {"enum": ["x", "y"]}}}
            """#
        #expect(try violations(schema, #"{"tags": ["a", 2, "a"], "a/b": "z", "extra": 1}"#) == [
            #"/: required: missing property "id""#,
            "/tags: uniqueItems: items 0 and 2 are equal",
            "/tags/1: type: expected string, got integer",
            #"/a~1b: enum: not one of "x", "y""#,
            #"/extra: additionalProperties: property "extra" is not allowed"#,
        ])
    }

    @Test func messagesNeverRepeatTheInstancesStrings() throws {
        let found = try violations(#"{"properties": {"token": {"pattern": "^[0-9]+$", "const": "0", "enum": ["0"]}}}"#, #"{"token": "s3cr3t-value"}"#)
        #expect(found.count == 3)
        #expect(!found.joined().contains("s3cr3t"))
    }
}

@Suite struct OpenAPIDialectTests {
    let document = #"""
        {"openapi": "3.0.3",
         "components": {"schemas": {
            "Contact": {"type": "object", "required": ["owner"], "x-internal": true,
                        "properties": {"owner": {"$ref": "#/components/schemas/User"},
                                       "points": {"type": "integer", "minimum": 0, "exclusiveMinimum": true}}},
            "User": {"type": "object", "required": ["id"],
                     "properties": {"id": {"type": "integer"}, "nick": {"type": "string", "nullable": true},
                                    "boss": {"$ref": "#/components/schemas/User", "type": "string"}}}}}}
        """#

    @Test func aSchemaInsideTheDocumentResolvesItsRefsAgainstTheDocument() throws {
        #expect(try violations(document, #"{"owner": {"id": 1, "nick": null, "boss": {"id": 2}}, "points": 3}"#,
                               pointer: "#/components/schemas/Contact", dialect: .openAPI30).isEmpty)
        #expect(try violations(document, #"{"owner": {"nick": 5, "boss": {}}, "points": 0}"#,
                               pointer: "/components/schemas/Contact", dialect: .openAPI30) == [
            #"/owner: required: missing property "id""#,
            "/owner/nick: type: expected string, got integer",
            #"/owner/boss: required: missing property "id""#,
            "/points: exclusiveMinimum: 0 is less than or equal to 0",
        ])
    }

    @Test func nullableOnlyWidensType() throws {
        #expect(try violations(#"{"type": "string", "nullable": true}"#, "null", dialect: .openAPI30).isEmpty)
        #expect(try violations(#"{"type": "string", "nullable": true, "enum": ["a"]}"#, "null", dialect: .openAPI30) == [#"/: enum: not one of "a""#])
        #expect(try violations(#"{"type": "string", "nullable": true}"#, "null", dialect: .draft2020_12) == ["/: type: expected string, got null"])
    }

    @Test func aPointerToNothingIsAnError() throws {
        #expect(try schemaError(document, pointer: "#/components/schemas/Nobody", dialect: .openAPI30) == "no schema at #/components/schemas/Nobody in the document")
    }
}

@Suite struct SchemaErrorTests {
    @Test func unusableSchemasFailWhenTheValidatorIsMade() throws {
        #expect(try schemaError(##"{"items": {"$ref": "#/$defs/missing"}}"##) == ##"$ref "#/$defs/missing" (#/$defs/missing) designates no schema"##)
        #expect(try schemaError(#"{"$ref": "http://example.com/elsewhere.json"}"#)
            == #"$ref "http://example.com/elsewhere.json" names http://example.com/elsewhere.json, a document that is not available"#)
        #expect(try schemaError(#"{"properties": {"a": {"pattern": "(open"}}}"#)?.hasPrefix(#"pattern "(open" is not a valid regular expression"#) == true)
        #expect(try schemaError(#"{"$schema": "http://json-schema.org/draft-07/schema#"}"#)?.hasPrefix("unsupported $schema") == true)
        #expect(try schemaError(#"{"$schema": "http://json-schema.org/draft-07/schema#"}"#, dialect: .draft4) == nil)
    }

    @Test func aMissingDocumentIsNamedSoTheCallerCanSupplyIt() throws {
        let schema = try JSONValue.parse(#"{"$id": "https://example.com/a/contact", "$ref": "../common.json#/$defs/id"}"#)
        let error = #expect(throws: SchemaError.self) { try SchemaValidator(document: schema) }
        #expect(error?.missingDocument == "https://example.com/common.json")
        let common = try JSONValue.parse(#"{"$defs": {"id": {"type": "integer"}}}"#)
        let validator = try SchemaValidator(document: schema, documents: ["https://example.com/common.json": common])
        #expect(validator.validate("7").map(\.description) == ["/: type: expected integer, got string"])
    }

    @Test func remoteDocumentsComeFromTheCallersMap() throws {
        let remote = try JSONValue.parse(#"{"$defs": {"id": {"type": "integer"}}}"#)
        let schema = #"{"$id": "https://example.com/contact", "properties": {"id": {"$ref": "common.json#/$defs/id"}}}"#
        #expect(try violations(schema, #"{"id": "7"}"#, documents: ["https://example.com/common.json": remote]) == ["/id: type: expected integer, got string"])
    }

    @Test func theMetaSchemasAreBuiltIn() throws {
        #expect(try violations(#"{"$ref": "https://json-schema.org/draft/2020-12/schema"}"#, #"{"minLength": -1}"#).count == 1)
        #expect(try violations(#"{"$ref": "http://json-schema.org/draft-04/schema#"}"#, #"{"type": "whatever"}"#, dialect: .draft4).count == 1)
    }
}

@Suite struct RecursionTests {
    @Test func aReferenceLoopIsAViolationNotAHang() throws {
        #expect(try violations(##"{"$ref": "#"}"##, "1") == [##"/: $ref: reference loop: "#" is reached again without going deeper into the instance"##])
        let pingPong = ##"{"$defs": {"a": {"$ref": "#/$defs/b"}, "b": {"$ref": "#/$defs/a"}}, "$ref": "#/$defs/a"}"##
        #expect(try violations(pingPong, "{}").first?.contains("reference loop") == true)
    }

    /// The deepest document the parser accepts, under a recursive schema, from a thread with a 512 KiB stack.
    @Test func theDeepestParsedDocumentValidatesOnASmallStack() async throws {
        let pairs = JSONValue.defaultMaxDepth / 2
        let document = try JSONValue.parse(String(repeating: #"{"a":["#, count: pairs) + "1" + String(repeating: "]}", count: pairs))
        let validator = try SchemaValidator(document: JSONValue.parse(##"{"type": ["object", "array", "integer"], "properties": {"a": {"$ref": "#"}}, "items": {"$ref": "#"}}"##))
        let found = await withCheckedContinuation { (continuation: CheckedContinuation<[SchemaViolation], Never>) in
            let thread = Thread { continuation.resume(returning: validator.validate(document)) }
            thread.stackSize = 512 * 1024
            thread.start()
        }
        #expect(found.isEmpty)
        let wrong = try JSONValue.parse(String(repeating: #"{"a":["#, count: pairs) + "true" + String(repeating: "]}", count: pairs))
        #expect(validator.validate(wrong).first?.keyword == "type")
    }

    /// 40 000 levels need more stack than evaluation's own thread has, in any build. The document is made and
    /// destroyed (which recurses once per level too) on a thread with room for that.
    @Test func anInstanceTooDeepToEvaluateIsAViolation() async throws {
        let validator = try SchemaValidator(document: JSONValue.parse(##"{"properties": {"a": {"items": {"$ref": "#"}}}}"##))
        let found = await withCheckedContinuation { (continuation: CheckedContinuation<[SchemaViolation], Never>) in
            let thread = Thread {
                let pairs = 20_000
                let text = String(repeating: #"{"a":["#, count: pairs) + "1" + String(repeating: "]}", count: pairs)
                let document = try? JSONValue.parse(text, maxDepth: 2 * pairs + 1)
                continuation.resume(returning: document.map { validator.validate($0) } ?? [])
            }
            thread.stackSize = 256 * 1024 * 1024
            thread.start()
        }
        #expect(found.count == 1)
        #expect(found.first?.keyword == "depth")
        #expect(found.first?.message.hasPrefix("the instance and schema nest too deeply to evaluate here") == true)
    }
}

@Suite struct FormatTests {
    private func check(_ format: String, _ value: String) throws -> Bool {
        var validator = try SchemaValidator(document: JSONValue.parse(#"{"format": "\#(format)"}"#))
        validator.assertsFormat = true
        return validator.validate(.string(value)).isEmpty
    }

    @Test func formatIsAnAnnotationUnlessAsserted() throws {
        let validator = try SchemaValidator(document: JSONValue.parse(#"{"format": "date"}"#))
        #expect(validator.validate("not a date").isEmpty)
        var asserting = validator
        asserting.assertsFormat = true
        #expect(asserting.validate("not a date").map(\.description) == ["/: format: not a valid date"])
    }

    @Test(arguments: [
        ("date-time", "2024-02-30T10:00:00Z", false), ("date-time", "2016-12-31T23:59:60Z", true),
        ("date-time", "1963-06-19t08:30:06.283185z", true), ("date", "2023-02-29", false), ("time", "08:30:06", false),
        ("duration", "P1Y2M10DT2H30M", true), ("duration", "P1Y3D", false), ("duration", "PT", false),
        ("email", "joe.bloggs@example.com", true), ("email", "joe..bloggs@example.com", false),
        ("hostname", "api.example.com", true), ("hostname", "-bad.example.com", false),
        ("ipv4", "192.168.0.1", true), ("ipv4", "192.168.00.1", false),
        ("ipv6", "::ffff:192.168.0.1", true), ("ipv6", "1:2:3:4:5:6:7:8:9", false),
        ("uuid", "2EB8AA08-AA98-11EA-B4AA-73B441D16380", true), ("uuid", "2eb8aa08-aa98-11ea-b4aa-73b441d1638", false),
        ("uri", "https://example.com/a?b#c", true), ("uri", "//example.com/a", false), ("uri-reference", "../a b", false),
        ("json-pointer", "/a~1b/0", true), ("json-pointer", "/a~2", false), ("relative-json-pointer", "1#", true),
        ("regex", "^[a-z]+$", true), ("regex", "(", false), ("made-up-format", "anything", true),
    ])
    func knownFormats(format: String, value: String, valid: Bool) throws {
        #expect(try check(format, value) == valid, "\(format): \(value)")
    }
}

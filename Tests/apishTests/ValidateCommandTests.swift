import Foundation
import TestSupport
import Testing

/// `apish validate SCHEMA [FILE]` as a script calls it: exit 0 valid, 4 invalid, 2 unusable input.
@Suite struct ValidateCommandTests {
    let fixture: ShellFixture
    let schema = #"""
        {"type": "object", "required": ["id", "email"],
         "properties": {"id": {"type": "integer", "minimum": 1},
                        "email": {"type": "string", "pattern": "@"},
                        "tags": {"type": "array", "items": {"$ref": "#/$defs/tag"}}},
         "$defs": {"tag": {"enum": ["new", "vip"]}}}
        """#

    init() throws {
        fixture = try ShellFixture()
        try fixture.write(schema, to: "contact.schema.json")
    }

    @Test func aValidDocumentExitsZeroSilently() throws {
        try fixture.write(#"{"id": 7, "email": "a@x.test", "tags": ["vip"]}"#, to: "contact.json")
        let fromFile = try fixture.apish(["validate", "contact.schema.json", "contact.json"])
        #expect(fromFile.status == 0, "\(fromFile.stderr)")
        #expect(fromFile.stdout.isEmpty)
        let fromStdin = try fixture.apish(["validate", "contact.schema.json", "-"], stdin: #"{"id": 7.0, "email": "b@x.test"}"#)
        #expect(fromStdin.status == 0, "\(fromStdin.stdout)\(fromStdin.stderr)")
    }

    @Test func eachViolationIsALineWithItsPointerAndKeyword() throws {
        let result = try fixture.apish(["validate", "contact.schema.json"], stdin: #"{"id": 0, "tags": ["new", "gold"]}"#)
        #expect(result.status == 4)
        #expect(result.stdout == """
            /: required: missing property "email"
            /id: minimum: 0 is less than 1
            /tags/1: enum: not one of "new", "vip"

            """)
    }

    @Test func theDialectComesFromTheOptionOrFromSchema() throws {
        try fixture.write(#"{"type": "integer", "nullable": true, "maximum": 10, "exclusiveMaximum": true}"#, to: "openapi.json")
        let nullable = try fixture.apish(["validate", "--dialect", "openapi-3.0", "openapi.json"], stdin: "null")
        #expect(nullable.status == 0, "\(nullable.stdout)\(nullable.stderr)")
        let exclusive = try fixture.apish(["validate", "--dialect", "openapi-3.0", "openapi.json"], stdin: "10")
        #expect(exclusive.status == 4)
        #expect(exclusive.stdout == "/: exclusiveMaximum: 10 is greater than or equal to 10\n")
        // In 2020-12 `nullable` means nothing and a boolean exclusiveMaximum is not a number: null is not an integer.
        let strict = try fixture.apish(["validate", "openapi.json"], stdin: "null")
        #expect(strict.status == 4)
        try fixture.write(#"{"$schema": "http://json-schema.org/draft-04/schema#", "maximum": 3, "exclusiveMaximum": true}"#, to: "draft4.json")
        #expect(try fixture.apish(["validate", "draft4.json"], stdin: "3").status == 4)
        #expect(try fixture.apish(["validate", "draft4.json"], stdin: "2.5").status == 0)
        let unknown = try fixture.apish(["validate", "--dialect", "draft-07", "draft4.json"], stdin: "1")
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("2020-12, draft-04, openapi-3.0"))
    }

    @Test func aRefToAnotherLocalFileReadsIt() throws {
        try fixture.write(#"{"$defs": {"id": {"type": "integer", "minimum": 1}}}"#, to: "schemas/common.json")
        try fixture.write(#"{"properties": {"id": {"$ref": "common.json#/$defs/id"}, "next": {"$ref": "missing.json"}}}"#, to: "schemas/item.json")
        let result = try fixture.apish(["validate", "schemas/item.json"], stdin: #"{"id": 0}"#)
        #expect(result.status == 2)
        #expect(result.stderr.contains("cannot read the schema /"))
        #expect(result.stderr.contains("schemas/missing.json: no such file"))
        try fixture.write(#"{"properties": {"id": {"$ref": "common.json#/$defs/id"}}}"#, to: "schemas/item.json")
        let invalid = try fixture.apish(["validate", "schemas/item.json"], stdin: #"{"id": 0}"#)
        #expect(invalid.status == 4, "\(invalid.stderr)")
        #expect(invalid.stdout == "/id: minimum: 0 is less than 1\n")
    }

    @Test func formatIsCheckedOnlyWhenAsked() throws {
        try fixture.write(#"{"properties": {"at": {"format": "date-time"}}}"#, to: "dated.json")
        #expect(try fixture.apish(["validate", "dated.json"], stdin: #"{"at": "yesterday"}"#).status == 0)
        let asserted = try fixture.apish(["validate", "--assert-format", "dated.json"], stdin: #"{"at": "yesterday"}"#)
        #expect(asserted.status == 4)
        #expect(asserted.stdout == "/at: format: not a valid date-time\n")
        #expect(try fixture.apish(["validate", "--assert-format", "dated.json"], stdin: #"{"at": "2026-11-30T14:00:00Z"}"#).status == 0)
    }

    @Test func unreadableInputExitsTwoWithOneLine() throws {
        let missingSchema = try fixture.apish(["validate", "nowhere.json"], stdin: "{}")
        #expect(missingSchema.status == 2)
        #expect(missingSchema.stderr == "apish validate: cannot read the schema nowhere.json: no such file\n")

        try fixture.write(#"{"type": "object",}"#, to: "broken.json")
        let brokenSchema = try fixture.apish(["validate", "broken.json"], stdin: "{}")
        #expect(brokenSchema.status == 2)
        #expect(brokenSchema.stderr.hasPrefix("apish validate: the schema broken.json is not JSON (line 1, column"))

        try fixture.write(##"{"properties": {"a": {"$ref": "#/$defs/missing"}}}"##, to: "dangling.json")
        let dangling = try fixture.apish(["validate", "dangling.json"], stdin: "{}")
        #expect(dangling.status == 2)
        #expect(dangling.stderr.contains("cannot be used: $ref \"#/$defs/missing\""))

        let missingDocument = try fixture.apish(["validate", "contact.schema.json", "nowhere.json"])
        #expect(missingDocument.status == 2)
        #expect(missingDocument.stderr.contains("cannot read nowhere.json"))

        let notJSON = try fixture.apish(["validate", "contact.schema.json"], stdin: "{\"id\": }")
        #expect(notJSON.status == 2)
        #expect(notJSON.stderr.contains("invalid JSON"))
    }
}

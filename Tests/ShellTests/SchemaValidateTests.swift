import Foundation
import TestSupport
import Testing

/// The shell's `validate SCHEMA_FILE` over the last response, from a script against httpbin on 127.0.0.1.
@Suite(.serialized) final class SchemaValidateTests {
    let httpbin: PeerServer
    let fixture: ShellFixture

    init() throws {
        httpbin = try PeerServer.httpbin()
        fixture = try ShellFixture()
        try fixture.write(#"""
            {"type": "object", "required": ["json"],
             "properties": {"json": {"type": "object", "required": ["name"],
                                     "properties": {"count": {"type": "integer", "multipleOf": 0.5, "maximum": 5}}}}}
            """#, to: "echo.schema.json")
    }

    @Test func aMatchingBodyPasses() throws {
        let result = try fixture.apish([], stdin: """
            POST \(httpbin.baseURL)/post name=Ada count:=4 --quiet
            validate echo.schema.json
            echo after
            """)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("✓ the response body matches echo.schema.json"))
        #expect(result.stdout.hasSuffix("after\n"))
    }

    @Test func violationsStopAScriptWithExitFour() throws {
        let result = try fixture.apish([], stdin: """
            POST \(httpbin.baseURL)/post count:=7 --quiet
            validate echo.schema.json
            echo not reached
            """)
        #expect(result.status == 4)
        #expect(result.stderr.contains("the response body does not match echo.schema.json (2 violations)"))
        #expect(result.stderr.contains(#"/json: required: missing property "name""#))
        #expect(result.stderr.contains("/json/count: maximum: 7 is greater than 5"))
        #expect(!result.stdout.contains("not reached"))
    }

    @Test func anUnusableSchemaOrNoResponseIsOneLine() throws {
        let noResponse = try fixture.apish(["-c", "validate echo.schema.json"])
        #expect(noResponse.status == 1)
        #expect(noResponse.stderr.contains("no response yet"))
        try fixture.write(#"{"pattern": "(unclosed"}"#, to: "bad.schema.json")
        let badPattern = try fixture.apish([], stdin: """
            GET \(httpbin.baseURL)/get --quiet
            validate bad.schema.json
            """)
        #expect(badPattern.status == 2)
        #expect(badPattern.stderr.contains("the schema bad.schema.json cannot be used: pattern \"(unclosed\" is not a valid regular expression"))
    }
}

import JSON
import Testing

@testable import OpenAPI

@Suite("Loading descriptions")
struct LoadingTests {
    static func load(_ text: String) throws(OpenAPILoadError) -> OpenAPIDescription {
        try OpenAPIDescription.load(Array(text.utf8))
    }

    @Test("what is malformed becomes a warning naming its place, the rest loads")
    func tolerantLoading() throws {
        let description = try Self.load("""
            openapi: 3.1.0
            info: {title: Shop, version: "2"}
            x-vendor: {anything: [1, 2]}
            paths:
              /items/{id}:
                parameters:
                  - {name: id, in: path}
                  - {in: query}
                get:
                  responses:
                    "200": {$ref: "#/components/responses/Missing"}
                    "404": {description: gone}
                put: "not an operation"
                x-extension: true
              /orders:
                post:
                  requestBody: {$ref: "https://example.com/bodies.yaml#/Order"}
                  responses: {"201": {description: made}}
            """)
        #expect(description.operations.map(\.title) == ["GET /items/{id}", "POST /orders"])
        #expect(description.operations[0].responses.map(\.status) == ["404"])
        #expect(description.operations[0].parameters.map(\.name) == ["id"])
        #expect(description.operations[1].requestBody == nil)
        #expect(description.warnings == [
            "/paths/~1items~1{id}/parameters/1: a parameter needs `name` and `in` (path, query, header or cookie)",
            "/paths/~1items~1{id}/get/responses/200: $ref #/components/responses/Missing names nothing in this document",
            "/paths/~1items~1{id}/put: not an operation object",
            "/paths/~1orders/post/requestBody: $ref https://example.com/bodies.yaml#/Order is outside this document and is not followed",
        ])
    }

    @Test("a $ref cycle ends with a warning")
    func referenceCycle() throws {
        let description = try Self.load("""
            {"openapi": "3.0.3", "info": {"title": "t", "version": "1"},
             "paths": {"/a": {"get": {"parameters": [{"$ref": "#/components/parameters/A"}], "responses": {}}}},
             "components": {"parameters": {"A": {"$ref": "#/components/parameters/B"}, "B": {"$ref": "#/components/parameters/A"}}}}
            """)
        #expect(description.operations[0].parameters.isEmpty)
        #expect(description.warnings.count == 1)
        #expect(description.warnings[0].contains("a cycle?"))
    }

    @Test("documents that are not OpenAPI 3 say what they are", arguments: [
        ("swagger: '2.0'\ninfo: {title: t}", "Swagger 2.0 is not supported"),
        ("openapi: 2.5.0", "OpenAPI 2.5.0 is not supported"),
        ("- a\n- b", "an OpenAPI description is an object, not an array"),
        ("{\"openapi\": ", "not valid JSON"),
        ("a: [b", "not valid YAML"),
        ("", "the YAML document is empty"),
        ("title: x", "no `openapi` version field"),
    ])
    func notOpenAPI(text: String, message: String) {
        #expect {
            try Self.load(text)
        } throws: { error in
            (error as? OpenAPILoadError)?.message.hasPrefix(message) == true
        }
    }

    @Test("hostile YAML is refused in bounded time and memory")
    func hostileYAML() {
        var laughs = "openapi: 3.0.0\na0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            laughs += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        #expect(throws: OpenAPILoadError(message: "YAML aliases expand to more than 1000000 nodes")) {
            try Self.load(laughs)
        }
        let deep = "openapi: 3.0.0\nx: " + String(repeating: "[", count: 100_000)
        #expect(throws: OpenAPILoadError(message: "YAML nested deeper than 256 levels (line 2)")) {
            try Self.load(deep)
        }
    }

    @Test("YAML scalars read as JSON values, number literals kept")
    func yamlScalars() throws {
        let value = try YAMLDocument.parse("""
            a: 12
            b: 1.50
            c: "12"
            d: true
            e: ~
            f: 0x1F
            g: 1_000
            h: .inf
            i: 123456789012345678901234567890
            """)
        #expect(value.serialized() == #"{"a":12,"b":1.50,"c":"12","d":true,"e":null,"f":31,"g":1000,"h":".inf","i":123456789012345678901234567890}"#)
    }
}

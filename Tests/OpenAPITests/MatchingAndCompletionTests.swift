import JSON
import Testing

@testable import OpenAPI

@Suite("Matching requests and completing them")
struct MatchingAndCompletionTests {
    static let shop: OpenAPIDescription = {
        let text = """
            openapi: 3.0.3
            info: {title: Shop, version: "1"}
            servers: [{url: "https://shop.example/v2"}]
            paths:
              /pets:
                get:
                  operationId: listPets
                  parameters:
                    - {name: limit, in: query, schema: {type: integer, maximum: 100}}
                    - {name: status, in: query, required: true, schema: {type: string, enum: [available, sold]}}
                    - {name: X-Trace, in: header, schema: {type: string}}
                  responses: {"200": {description: ok}}
                post:
                  requestBody:
                    required: true
                    content:
                      application/json:
                        schema: {$ref: "#/components/schemas/NewPet"}
                  responses: {"201": {description: made}}
              /pets/mine:
                get: {operationId: myPets, responses: {"200": {description: ok}}}
              /pets/{petId}:
                get: {operationId: showPet, responses: {"200": {description: ok}}}
                delete: {operationId: deletePet, responses: {"204": {description: gone}}}
              /pets/{petId}/photos/{photoId}.png:
                get: {operationId: photo, responses: {"200": {description: ok}}}
            components:
              schemas:
                NewPet:
                  allOf:
                    - {$ref: "#/components/schemas/Named"}
                    - type: object
                      required: [kind]
                      properties:
                        kind: {type: string, enum: [cat, dog]}
                        age: {type: integer, minimum: 0}
                Named:
                  type: object
                  properties: {name: {type: string}, vaccinated: {type: boolean}}
            """
        return try! OpenAPIDescription.load(Array(text.utf8))
    }()

    @Test("the most literal template wins; base path, query and origin are ignored", arguments: [
        ("GET", "/pets/mine", "myPets"),
        ("GET", "/pets/7", "showPet"),
        ("GET", "https://shop.example/v2/pets/7?x=1", "showPet"),
        ("GET", "/v2/pets", "listPets"),
        ("GET", "/pets/7/photos/3.png", "photo"),
        ("DELETE", "/pets/7", "deletePet"),
    ])
    func matches(method: String, url: String, id: String) {
        #expect(Self.shop.operation(method: method, url: url)?.operationID == id)
    }

    @Test("no operation for other methods, shapes or suffixes", arguments: [
        ("DELETE", "/pets"), ("GET", "/pets/7/photos/3.jpg"), ("GET", "/pets/7/8"), ("GET", "/v3/pets"),
    ])
    func noMatch(method: String, url: String) {
        #expect(Self.shop.operation(method: method, url: url) == nil)
    }

    @Test("paths complete segment by segment, templates offered after a concrete value")
    func pathCompletion() {
        let completer = OpenAPICompleter(Self.shop)
        #expect(completer.paths(completing: "/p") == ["/pets", "/pets/"])
        #expect(completer.paths(completing: "/pets/") == ["/pets/mine", "/pets/{petId}", "/pets/{petId}/"])
        #expect(completer.paths(completing: "/pets/5/") == ["/pets/5/photos/"])
        #expect(completer.paths(completing: "/pets/5/photos/9/") == [])
        #expect(completer.paths(completing: "/pets/", method: "DELETE") == ["/pets/{petId}"])
        #expect(completer.paths(completing: "/v2/pets/m") == ["/v2/pets/mine"])
    }

    @Test("items: required first, then query, header and body names; enum values after ==")
    func itemCompletion() {
        let completer = OpenAPICompleter(Self.shop)
        #expect(completer.items(completing: "", method: "GET", url: "/pets") == ["status==", "limit==", "X-Trace:"])
        #expect(completer.items(completing: "x-", method: "GET", url: "/pets") == ["X-Trace:"])
        #expect(completer.items(completing: "status==", method: "GET", url: "/pets") == ["status==available", "status==sold"])
        #expect(completer.items(completing: "status==s", method: "GET", url: "/pets") == ["status==sold"])
        #expect(completer.items(completing: "", method: "POST", url: "/pets") == ["kind=", "name=", "vaccinated:=", "age:="])
        #expect(completer.items(completing: "kind=", method: "POST", url: "/pets") == ["kind=cat", "kind=dog"])
        #expect(completer.items(completing: "vaccinated:=t", method: "POST", url: "/pets") == ["vaccinated:=true"])
        #expect(completer.items(completing: "", method: "GET", url: "/nowhere") == [])
    }

    @Test("describe: parameters required first with types, body properties through allOf, responses")
    func describe() throws {
        let operation = try #require(Self.shop.operation(method: "GET", url: "/pets"))
        #expect(OperationDescriber(Self.shop).lines(for: operation) == [
            "GET /pets",
            "  operationId listPets · under /v2",
            "Parameters",
            "  status*  query   \"available\" | \"sold\"",
            "  limit    query   integer ≤ 100",
            "  X-Trace  header  string",
            "Responses",
            "  200  ok",
        ])
        let create = try #require(Self.shop.operation(method: "POST", url: "/pets"))
        #expect(OperationDescriber(Self.shop).lines(for: create) == [
            "POST /pets",
            "  under /v2",
            "Request body (application/json), required",
            "  NewPet",
            "    kind*       \"cat\" | \"dog\"",
            "    name        string",
            "    vaccinated  boolean",
            "    age         integer ≥ 0",
            "Responses",
            "  201  made",
        ])
    }
}

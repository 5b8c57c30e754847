import JSON
import Testing

@testable import OpenAPI

@Suite("Responses checked against a description")
struct ResponseConformanceTests {
    static let description: OpenAPIDescription = {
        let text = """
            openapi: 3.0.3
            info: {title: Shop, version: "1"}
            paths:
              /pets/{id}:
                get:
                  responses:
                    "200":
                      description: a pet
                      content:
                        application/json:
                          schema: {$ref: "#/components/schemas/Pet"}
                    "404": {description: none}
            components:
              schemas:
                Pet:
                  type: object
                  required: [id, name]
                  properties:
                    id: {type: integer}
                    name: {type: string}
                    tag: {type: string, nullable: true}
                    price: {type: number, multipleOf: 0.01}
            """
        return try! OpenAPIDescription.load(Array(text.utf8))
    }()

    func check(_ status: Int, _ type: String?, _ body: String, url: String = "/pets/1") -> ResponseConformance {
        Self.description.conformance(method: "GET", url: url, status: status, contentType: type, body: Array(body.utf8))
    }

    @Test func aBodyTheSchemaAcceptsConforms() {
        #expect(check(200, "application/json; charset=utf-8", #"{"id": 1, "name": "Rex", "tag": null, "price": 19.99}"#)
            == .conforms(checked: "GET /pets/{id} 200 application/json"))
        #expect(check(404, nil, "") == .conforms(checked: "GET /pets/{id} 404"))
    }

    @Test func violationsNameTheirPlaceAndKeyword() {
        guard case .violates(let checked, let problems) = check(200, "application/json", #"{"id": "1", "price": 19.999}"#) else {
            Issue.record("expected violations")
            return
        }
        #expect(checked == "GET /pets/{id} 200 application/json")
        #expect(problems.contains { $0.hasPrefix("/: required:") })
        #expect(problems.contains { $0.hasPrefix("/id: type:") })
        #expect(problems.contains { $0.hasPrefix("/price: multipleOf:") })
    }

    @Test func undocumentedStatusTypeAndNonJSONBodiesAreViolations() {
        #expect(check(500, "application/json", "{}") == .violates(checked: "GET /pets/{id}", problems: ["status 500 is not documented (200, 404)"]))
        #expect(check(200, "text/html", "<p>") == .violates(
            checked: "GET /pets/{id} 200", problems: ["content type text/html is not documented (application/json)"]))
        guard case .violates(_, let problems) = check(200, "application/json", "{oops") else {
            Issue.record("expected a violation")
            return
        }
        #expect(problems.first?.hasPrefix("the body is not JSON") == true)
        #expect(check(200, nil, "{}", url: "/owners/1") == .undescribed("no operation in the description matches GET /owners/1"))
    }
}

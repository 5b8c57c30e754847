import Foundation
import JSON
import Testing
import TestSupport

@testable import OpenAPI

/// The real descriptions beside the checkout: each loads, and the operations read are exactly the
/// document's, as Python's own JSON and YAML readers list them.
@Suite("Real OpenAPI descriptions")
struct ConformanceDescriptionTests {
    static let files = [
        "twilio/twilio_api_v2010.json", "twilio/twilio_api_v2010.yaml", "twilio/twilio_messaging_v1.yaml",
        "twilio/twilio_verify_v2.json", "oai-examples/api-with-examples.yaml", "oai-examples/callback-example.yaml",
        "oai-examples/link-example.yaml", "oai-examples/petstore-expanded.yaml", "oai-examples/petstore.yaml",
        "oai-examples/uspto.yaml",
    ]

    static func load(_ file: String) throws -> OpenAPIDescription {
        let url = PackagePaths.conformance.appendingPathComponent("openapi/\(file)")
        return try OpenAPIDescription.load(Array(try Data(contentsOf: url)))
    }

    /// `METHOD PATH` of every operation in document order, read by PyYAML (a superset of JSON).
    static func pythonListing(_ file: String) throws -> [String] {
        let script = """
            import sys, yaml
            doc = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
            for path, item in doc.get("paths", {}).items():
                for key in item:
                    if key in ("get", "put", "post", "delete", "options", "head", "patch", "trace"):
                        print(key.upper(), path)
            """
        let url = PackagePaths.conformance.appendingPathComponent("openapi/\(file)")
        let result = try Command.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", script, url.path], timeout: 120)
        try #require(result.status == 0, "python3 with PyYAML must run: \(result.stderr)")
        return result.stdout.split(separator: "\n").map(String.init)
    }

    /// PyYAML reads Twilio's 1.5 MB YAML in tens of seconds; its JSON twin stands for it (see below).
    @Test("loads with the document's operations", arguments: files.filter { $0 != "twilio/twilio_api_v2010.yaml" })
    func loadsEveryOperation(file: String) throws {
        let description = try Self.load(file)
        #expect(description.operations.map(\.title) == (try Self.pythonListing(file)))
        #expect(!description.title.isEmpty)
    }

    @Test("Twilio 2010 in YAML is the same document as in JSON")
    func yamlTwinEqualsJSON() throws {
        let json = try Self.load("twilio/twilio_api_v2010.json")
        let yaml = try Self.load("twilio/twilio_api_v2010.yaml")
        #expect(json.operations.count == 197)
        #expect(json.document["paths"]?.objectValue?.count == 121)
        #expect(yaml.operations == json.operations)
        #expect(yaml.document.semanticallyEquals(json.document))
    }

    @Test("references resolve: a response schema under components, parameters merged from the path item")
    func referencesResolve() throws {
        let petstore = try Self.load("oai-examples/petstore.yaml")
        let show = try #require(petstore.operation(method: "GET", url: "http://petstore.swagger.io/v1/pets/42"))
        #expect(show.operationID == "showPetById")
        #expect(show.parameters.map(\.name) == ["petId"])
        #expect(show.parameters.first?.required == true)
        let ok = try #require(show.response(for: 200)?.content(for: "application/json; charset=utf-8"))
        #expect(ok.schema?.pointer == "/paths/~1pets~1{petId}/get/responses/200/content/application~1json/schema")
        #expect(show.response(for: 500)?.status == "default")
        #expect(petstore.warnings.isEmpty)
    }
}

import Hurl
import Interop
import Testing
import TestSupport

/// `apish import postman` on hostile collections: twice the input must take about twice the time.
@Suite("Postman import in linear time", .serialized)
struct PostmanLinearTimeTests {
    /// A collection with one request whose description, URL or raw body is `text`.
    static func collection(_ place: String, _ text: String) -> [UInt8] {
        let description = place == "description" ? text : "a request"
        let url = place == "url" ? "http://127.0.0.1/" + text : "http://127.0.0.1/"
        let body = place == "body" ? text : ""
        return Array("""
            {"info": {"name": "hostile", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
             "item": [{"name": "one", "description": "\(description)",
                       "request": {"method": "POST", "url": "\(url)", "description": "\(description)",
                                   "body": {"mode": "raw", "raw": "\(body)"}}}]}
            """.utf8)
    }

    static func importAndWrite(_ bytes: [UInt8]) throws {
        let imported = try PostmanImporter.importCollection(bytes)
        for file in imported.files { _ = HurlWriter.write(file.hurl) }
    }

    @Test("{ ×N then } ×N", arguments: ["description", "url", "body"])
    func nestedBraces(place: String) throws {
        let growth = try GrowthRate.ofDoubling(from: 1_000, input: { size in
            Self.collection(place, String(repeating: "{", count: size) + String(repeating: "}", count: size))
        }, work: Self.importAndWrite)
        #expect(growth.ratio < 2.5, "\(growth.size) → \(growth.size * 2) deep took \(growth.ratio)× as long")
    }

    @Test("a run of {", arguments: ["description", "url", "body"])
    func runOfOpeningBraces(place: String) throws {
        let growth = try GrowthRate.ofDoubling(from: 2_000, input: { size in
            Self.collection(place, String(repeating: "{", count: size))
        }, work: Self.importAndWrite)
        #expect(growth.ratio < 2.5, "\(growth.size) → \(growth.size * 2) braces took \(growth.ratio)× as long")
    }
}

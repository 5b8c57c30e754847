import Foundation
import Hurl
import Interop
import Testing

@Suite("Postman test scripts to asserts")
struct PostmanScriptImportTests {
    /// A one-request collection with this test script.
    func importing(test script: String, prerequest: String? = nil) throws -> (HurlEntry, [String]) {
        var events = [["listen": "test", "script": ["exec": script.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)]]]
        if let prerequest { events.append(["listen": "prerequest", "script": ["exec": [prerequest]]]) }
        let collection: [String: Any] = [
            "info": ["name": "scripts", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"],
            "item": [["name": "Get one", "event": events, "request": ["method": "GET", "url": "https://example.com/a"]]],
        ]
        let bytes = try JSONSerialization.data(withJSONObject: collection)
        let imported = try PostmanImporter.importCollection(Array(bytes))
        let entry = try #require(imported.files.first?.hurl.entries.first)
        // What is written must read back.
        let reparsed = try HurlParser.parse(imported.files[0].text, fileName: "a.hurl")
        #expect(reparsed.entries.map(\.comparable) == [entry.comparable])
        return (entry, imported.warnings)
    }

    func assertTexts(_ entry: HurlEntry) -> [String] {
        (entry.response?.asserts ?? []).map { HurlWriter.text(of: $0) }
    }

    @Test("pm.test checks: status, JSON field, header, response time, body text")
    func pmTests() throws {
        let (entry, warnings) = try importing(test: """
            pm.test("Status code is 200", function () {
                pm.response.to.have.status(200);
            });
            pm.test("name", () => {
                var jsonData = pm.response.json();
                pm.expect(jsonData.contact.fields["first name"]).to.eql("Ada");
                pm.expect(jsonData.total).to.equal(2);
                pm.expect(jsonData.items[0].ok).to.be.true === undefined || true;
            });
            pm.test("type {braces} in the title", function () {
                pm.response.to.have.header("Content-Type");
                pm.expect(pm.response.responseTime).to.be.below(500);
                pm.expect(pm.response.text()).to.include("contact");
            });
            """)
        #expect(assertTexts(entry) == [
            "status == 200", "header \"Content-Type\" exists", "duration < 500", "body contains \"contact\"",
        ])
        // The second test has a line we cannot read: the whole test stays, as a comment.
        let comments = entry.request.trivia.leadingLines.compactMap { line -> String? in
            if case .comment(let text) = line { return text }
            return nil
        }
        #expect(comments.contains(" Postman test script (not converted):"))
        #expect(comments.contains { $0.contains("jsonData.items[0].ok") })
        #expect(warnings == ["Get one: test script kept as a comment (6 lines)"])
    }

    @Test("a JSON field equal to a literal becomes a jsonpath assert")
    func jsonField() throws {
        let (entry, warnings) = try importing(test: """
            var data = pm.response.json();
            pm.test("fields", function () {
                pm.expect(data.contact.fields['first name']).to.eql('Ada');
                pm.expect(data.total).to.equal(2);
                pm.expect(pm.response.json().ok).to.be.equal(true);
                pm.expect(data.missing).to.eql(null);
            });
            """)
        #expect(assertTexts(entry) == [
            "jsonpath \"$.contact.fields['first name']\" == \"Ada\"", "jsonpath \"$.total\" == 2",
            "jsonpath \"$.ok\" == true", "jsonpath \"$.missing\" == null",
        ])
        #expect(warnings.isEmpty)
    }

    @Test("legacy tests[...] style")
    func legacy() throws {
        let (entry, warnings) = try importing(test: """
            var data = JSON.parse(responseBody);
            tests["Status code is 200"] = responseCode.code === 200;
            tests["fast"] = responseTime < 200;
            tests["has args"] = responseBody.has("args");
            tests["has header"] = postman.getResponseHeader('X-Id');
            tests["id"] = data.id === 7;
            console.log(data);
            """)
        #expect(assertTexts(entry) == [
            "status == 200", "duration < 200", "body contains \"args\"", "header \"X-Id\" exists", "jsonpath \"$.id\" == 7",
        ])
        #expect(warnings == ["Get one: test script kept as a comment (1 line)"])
    }

    @Test("dynamic variables: $guid becomes Hurl's newUuid")
    func dynamicVariables() throws {
        let collection: [String: Any] = [
            "info": ["name": "dyn", "schema": "https://schema.getpostman.com/json/collection/v2.0.0/collection.json"],
            "item": [["name": "r", "request": ["method": "POST", "url": "https://x.test/{{$guid}}",
                                               "header": [["key": "X-Request", "value": "{{$randomUUID}}"],
                                                          ["key": "X-Off", "value": "1", "disabled": true]]]]],
        ]
        let imported = try PostmanImporter.importCollection(Array(try JSONSerialization.data(withJSONObject: collection)))
        let request = try #require(imported.files.first?.hurl.entries.first?.request)
        #expect(request.url.description == "https://x.test/{{newUuid}}")
        #expect(request.headers.map(\.value.description) == ["{{newUuid}}"])
        #expect(imported.schemaVersion == "v2.0.0")
    }

    @Test("pre-request scripts are kept as comments and listed")
    func prerequest() throws {
        let (entry, warnings) = try importing(test: "pm.response.to.have.status(201);", prerequest: "pm.environment.set('now', Date.now());")
        #expect(assertTexts(entry) == ["status == 201"])
        #expect(entry.request.trivia.leadingLines.contains(.comment("   pm.environment.set('now', Date.now());")))
        #expect(warnings == ["Get one: pre-request script kept as a comment (1 line)"])
    }
}

import Hurl
import Interop
import JSON
import Testing

@Suite("Postman export")
struct PostmanExportTests {
    static let corpus = PostmanCorpus.collectionNames

    @Test("import, export: valid against the official v2.1 schema; re-import gives the same requests", arguments: corpus)
    func roundTrip(name: String) throws {
        let imported = try PostmanCorpus.collection(name)
        let profiles = Dictionary(uniqueKeysWithValues: imported.authProfiles.map { ($0.name, $0.settingsDictionary) })
        let exported = PostmanExporter.export(name: imported.name, files: imported.files, authProfiles: profiles, variables: imported.variables)
        if let problems = try SchemaValidator.problems(exported.text) {
            Issue.record("\(name) does not validate: \(problems)")
        }
        let again = try PostmanImporter.importCollection(Array(exported.text.utf8))
        #expect(again.files.map(\.path) == imported.files.map(\.path))
        for (first, second) in zip(imported.files, again.files) {
            #expect(second.hurl.entries.count == first.hurl.entries.count)
            for (a, b) in zip(first.hurl.entries, second.hurl.entries) {
                var a = a.withImpliedContentType.comparable, b = b.comparable
                // Profiles are named after their owner, which moves from folder to request on export.
                #expect((a.authProfile == nil) == (b.authProfile == nil), "\(name) \(first.path)")
                if let one = a.authProfile, let two = b.authProfile {
                    #expect(profiles[one]?["type"] == again.authProfiles.first { $0.name == two }?.settingsDictionary["type"])
                }
                a.authProfile = nil
                b.authProfile = nil
                #expect(a == b, "\(name) \(first.path)")
            }
        }
        #expect(again.variables.filter { !$0.isSecret }.map(\.key).sorted() == imported.variables.filter { !$0.isSecret }.map(\.key).sorted())
    }

    @Test("the schema check rejects what Postman would reject")
    func validatorRejects() throws {
        let invalid = #"{"info": {"name": "x", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"}, "item": [{"name": "r", "request": {"method": 42, "url": "https://x.test"}}]}"#
        let problems = try #require(try SchemaValidator.problems(invalid))
        #expect(problems.contains("item/0"))
    }

    @Test("secrets are never exported")
    func noSecrets() throws {
        let imported = try PostmanCorpus.collection("transformer-helpers-v2_1.postman_collection.json")
        let profiles = Dictionary(uniqueKeysWithValues: imported.authProfiles.map { ($0.name, $0.settingsDictionary) })
        let text = PostmanExporter.export(name: "helpers", files: imported.files, authProfiles: profiles, variables: imported.variables).text
        for secret in imported.variables where secret.isSecret {
            #expect(!text.contains(secret.value), "\(secret.key) leaked")
        }
        #expect(text.contains("{{basicauth_password}}"))
    }

    @Test("Hurl written by hand: sections, bodies and asserts map to Postman's forms")
    func handWritten() throws {
        let hurl = try HurlParser.parse("""
            # Create a contact
            # @auth mautic
            POST {{baseUrl}}/api/contacts/new?x=1
            Accept: application/json
            [Query]
            limit: 5
            [Form]
            firstname: Ada
            [Options]
            location: true
            HTTP 200
            [Asserts]
            jsonpath "$.contact.id" == 7
            header "Content-Type" contains "json"

            PUT https://example.com/raw
            Content-Type: application/json
            {"a": {{n}}}

            PATCH https://example.com/text
            `line one\\nline two`

            """, fileName: "contacts.hurl")
        let result = PostmanExporter.export(
            name: "hand", files: [ImportedFile(path: "contacts.hurl", hurl: hurl)],
            authProfiles: ["mautic": ["type": "oauth2", "grant": "client_credentials", "token_url": "{{baseUrl}}/oauth/v2/token",
                                      "client_id": "id", "client_secret": "{{secret}}"]])
        if let problems = try SchemaValidator.problems(result.text) { Issue.record("invalid: \(problems)") }
        let folder = try #require(result.collection["item"]?[0])
        #expect(folder["name"]?.stringValue == "contacts")
        let item = try #require(folder["item"]?[0])
        #expect(item["name"]?.stringValue == "Create a contact")
        #expect(item["request"]?["url"]?["raw"]?.stringValue == "{{baseUrl}}/api/contacts/new?x=1&limit=5")
        #expect(item["request"]?["url"]?["host"] == .array(["{{baseUrl}}"]))
        #expect(item["request"]?["body"]?["mode"]?.stringValue == "urlencoded")
        #expect(item["request"]?["auth"]?["type"]?.stringValue == "oauth2")
        #expect(item["protocolProfileBehavior"]?["followRedirects"] == .bool(true))
        let exec = item["event"]?[0]?["script"]?["exec"]?.arrayValue?.compactMap(\.stringValue) ?? []
        #expect(exec.contains("    pm.response.to.have.status(200);"))
        #expect(exec.contains("    pm.expect(pm.response.json().contact.id).to.eql(7);"))
        #expect(result.warnings == ["contacts.hurl:3: assert 'header \"Content-Type\" contains \"json\"' has no Postman form; left out"])
        let raw = try #require(folder["item"]?[1])
        #expect(raw["request"]?["body"]?["raw"]?.stringValue == "{\"a\": {{n}}}")
        #expect(raw["request"]?["body"]?["options"]?["raw"]?["language"]?.stringValue == "json")
        let text = try #require(folder["item"]?[2])
        #expect(text["request"]?["body"]?["raw"]?.stringValue == "line one\nline two")
        #expect(text["request"]?["body"]?["options"] == nil)

        // And back: the asserts Postman can hold come back as asserts.
        let again = try PostmanImporter.importCollection(Array(result.text.utf8))
        let entry = try #require(again.files.first?.hurl.entries.first)
        #expect(entry.response?.asserts.map { HurlWriter.text(of: $0) } == ["status == 200", "jsonpath \"$.contact.id\" == 7"])
        #expect(again.authProfiles.first?.settingsDictionary["client_secret"] == "{{secret}}")
        #expect(entry.request.options.map(\.name) == ["location"])
    }

    @Test("user, captures, the content type of a JSON body and one status test survive the trip")
    func whatUsedToBeDropped() throws {
        let hurl = try HurlParser.parse("""
            POST https://example.com/contacts
            [Options]
            user: bob:{{password}}
            {"name": "Ada"}
            HTTP 201
            [Captures]
            id: jsonpath "$.contact.id"
            [Asserts]
            status == 201

            """, fileName: "c.hurl")
        let result = PostmanExporter.export(name: "c", files: [ImportedFile(path: "c.hurl", hurl: hurl)], authProfiles: [:])
        if let problems = try SchemaValidator.problems(result.text) { Issue.record("invalid: \(problems)") }
        #expect(result.warnings.isEmpty, "\(result.warnings)")
        let item = try #require(result.collection["item"]?[0]?["item"]?[0])
        #expect(item["request"]?["auth"]?["type"]?.stringValue == "basic")
        #expect(item["request"]?["header"]?[0]?["key"]?.stringValue == "Content-Type")
        #expect(item["request"]?["header"]?[0]?["value"]?.stringValue == "application/json")
        let exec = item["event"]?[0]?["script"]?["exec"]?.arrayValue?.compactMap(\.stringValue) ?? []
        #expect(exec.filter { $0.contains("to.have.status(201)") }.count == 1)
        #expect(exec.contains("pm.collectionVariables.set(\"id\", pm.response.json().contact.id);"))

        let again = try PostmanImporter.importCollection(Array(result.text.utf8))
        let entry = try #require(again.files.first?.hurl.entries.first)
        #expect(entry.response?.captures.map { HurlWriter.text(of: $0) } == ["id: jsonpath \"$.contact.id\""])
        #expect(entry.response?.asserts.map { HurlWriter.text(of: $0) } == ["status == 201"])
        #expect(again.authProfiles.first?.settingsDictionary["username"] == "bob")
        #expect(again.authProfiles.first?.settingsDictionary["password"] == "{{password}}")
    }
}

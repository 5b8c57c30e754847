import Interop
import Testing

@Suite("Postman environments")
struct PostmanEnvironmentImportTests {
    @Test("disabled values are absent; of duplicates the last enabled wins")
    func disabledAndDuplicates() throws {
        let result = try PostmanEnvironmentImporter.importEnvironment(
            try PostmanCorpus.bytes("environments", "newman-disabled-and-duplicates.postman_environment.json"))
        #expect(result.name == "disabled-and-duplicates")
        #expect(!result.variables.contains { $0.key == "justDisabled" })
        #expect(result.variables.first { $0.key == "oneDisabled" }?.value == "1")
        #expect(Set(result.variables.map(\.key)).count == result.variables.count)
    }

    @Test("secret values are flagged so that they stay out of the environment file")
    func secrets() throws {
        let text = #"{"name": "prod", "values": [{"key": "baseUrl", "value": "https://x", "enabled": true},"#
            + #"{"key": "apiToken", "value": "t0k", "type": "default", "enabled": true},"#
            + #"{"key": "pin", "value": "1234", "type": "secret", "enabled": true}]}"#
        let result = try PostmanEnvironmentImporter.importEnvironment(Array(text.utf8))
        #expect(result.variables == [
            ImportedVariable(key: "baseUrl", value: "https://x", isSecret: false),
            ImportedVariable(key: "apiToken", value: "t0k", isSecret: true),
            ImportedVariable(key: "pin", value: "1234", isSecret: true),
        ])
    }

    @Test("the corpus environment imports")
    func wise() throws {
        for name in PostmanCorpus.names(in: "environments") {
            let result = try PostmanEnvironmentImporter.importEnvironment(try PostmanCorpus.bytes("environments", name))
            #expect(!result.variables.isEmpty)
        }
    }

    @Test("a collection is not an environment")
    func collectionIsNot() throws {
        #expect(throws: PostmanImportError.notAnEnvironment("it is a collection; use `apish import postman`")) {
            _ = try PostmanEnvironmentImporter.importEnvironment(
                try PostmanCorpus.bytes("collections", "newman-echo-v2.postman_collection.json"))
        }
    }
}

import Interop
import Testing

@Suite("Postman import errors")
struct PostmanErrorTests {
    func error(_ text: String) -> PostmanImportError? {
        do {
            _ = try PostmanImporter.importCollection(Array(text.utf8))
            return nil
        } catch {
            return error
        }
    }

    @Test("not JSON names the position")
    func notJSON() {
        guard case .notJSON(let reason)? = error("{\"info\": ") else {
            Issue.record("expected notJSON")
            return
        }
        #expect(reason.hasPrefix("line 1, column 10: "))
    }

    @Test("JSON that is not a collection")
    func notACollection() {
        #expect(error("[1, 2]") == .notACollection("the top level is array, not an object"))
        #expect(error("{\"name\": \"x\"}") == .notACollection("no 'info' object"))
        #expect(error(#"{"info": {"schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"}}"#)
            == .notACollection("no 'item' list"))
    }

    @Test("unknown schema versions are named")
    func unknownVersion() {
        let v3 = "https://schema.getpostman.com/json/collection/v3.0.0/collection.json"
        #expect(error(#"{"info": {"schema": "\#(v3)"}, "item": []}"#) == .unknownSchemaVersion(v3))
        #expect(error(#"{"info": {"name": "x"}, "item": []}"#) == .unknownSchemaVersion("(none)"))
        #expect(error(#"{"id": "1", "name": "old", "order": [], "requests": []}"#) == .unknownSchemaVersion("v1 (no 'info')"))
        #expect(PostmanImportError.unknownSchemaVersion(v3).description.contains("v2.0.0 and v2.1.0"))
    }
}

import Hurl
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

    /// Found by the postman-import fuzz target: a request without a URL was written as `GET ` and the
    /// imported file did not parse.
    @Test("a request without a URL is left out with a warning")
    func requestWithoutURL() throws {
        let imported = try PostmanImporter.importCollection(Array("""
            {"info": {"name": "drafts", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
             "item": [{"name": "empty", "request": {"method": "GET", "url": ""}},
                      {"name": "none"},
                      {"name": "kept", "request": "http://127.0.0.1/x"}]}
            """.utf8))
        #expect(imported.requestCount == 1)
        for name in ["empty", "none"] {
            #expect(imported.warnings.contains("\(name): it has no URL; left out"), "\(imported.warnings)")
        }
        for file in imported.files { _ = try HurlParser.parse(file.text, fileName: file.path) }
    }

    /// Found by the postman-import fuzz target: a method such as `POS.` was written as it was and the
    /// imported file did not parse.
    @Test("a request whose method is not a word of letters is left out with a warning")
    func invalidMethod() throws {
        let imported = try PostmanImporter.importCollection(Array("""
            {"info": {"name": "methods", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
             "item": [{"name": "dotted", "request": {"method": "POS.", "url": "http://127.0.0.1/x"}},
                      {"name": "custom", "request": {"method": "propfind", "url": "http://127.0.0.1/x"}}]}
            """.utf8))
        #expect(imported.requestCount == 1)
        #expect(imported.files.first?.hurl.entries.first?.request.method == "PROPFIND")
        #expect(imported.warnings.contains("dotted: its method 'POS.' is not a word of letters, as Hurl needs; left out"), "\(imported.warnings)")
        for file in imported.files { _ = try HurlParser.parse(file.text, fileName: file.path) }
    }

    /// Found by the postman-import fuzz target: a `{{` that no `}}` closes was written raw, and Hurl read it
    /// as the start of a placeholder (`unterminated placeholder`).
    @Test("a {{ that nothing closes stays literal text and the file parses")
    func unclosedPlaceholder() throws {
        let imported = try PostmanImporter.importCollection(Array(#"""
            {"info": {"name": "braces", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
             "item": [{"name": "open", "request": {"method": "GET", "url": "http://127.0.0.1/a{{b",
                       "header": [{"key": "X-Open", "value": "x {{ y{{host}}"}]}}]}
            """#.utf8))
        let file = try #require(imported.files.first)
        let request = try #require(try HurlParser.parse(file.text, fileName: file.path).entries.first?.request)
        #expect(request.url == HurlTemplate(text: "http://127.0.0.1/a{{b"), "\(file.text)")
        #expect(request.headers.first?.value == HurlTemplate([.text("x {{ y"), .placeholder(HurlPlaceholder(name: "host"))]))
    }

    /// Found by the postman-import fuzz target: a header named `file,t` was written as it was, and Hurl
    /// refused the file (a header name is a token).
    @Test("a header that HTTP cannot carry is left out with a warning")
    func unsendableHeader() throws {
        let imported = try PostmanImporter.importCollection(Array(#"""
            {"info": {"name": "headers", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
             "item": [{"name": "h", "request": {"method": "GET", "url": "http://127.0.0.1/x",
                       "header": [{"key": "file,t", "value": "a"}, {"key": "X-Broken", "value": "a\nb"},
                                  {"key": "X-{{name}}", "value": "{{value}}"}]}}]}
            """#.utf8))
        let file = try #require(imported.files.first)
        let request = try #require(try HurlParser.parse(file.text, fileName: file.path).entries.first?.request)
        #expect(request.headers.map(\.key.description) == ["X-{{name}}"])
        for name in ["file,t", "X-Broken"] {
            #expect(imported.warnings.contains("h: header '\(name)' cannot be sent (RFC 9110 allows a token as a name, and no line break in a value); left out"),
                    "\(imported.warnings)")
        }
    }
}

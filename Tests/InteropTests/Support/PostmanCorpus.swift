import Foundation
import Hurl
import Interop
import JSON
import TestSupport

/// The public Postman collections and environments in the shared conformance folder.
enum PostmanCorpus {
    static let folder = PackagePaths.conformance.appendingPathComponent("postman")

    static func names(in subfolder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(subfolder).path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted()
    }

    static var collectionNames: [String] { names(in: "collections") }
    static var exampleNames: [String] { names(in: "examples-v2.1") }

    static func bytes(_ subfolder: String, _ name: String) throws -> [UInt8] {
        let url = folder.appendingPathComponent(subfolder).appendingPathComponent(name)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw CorpusError(message: "missing conformance file \(url.path)")
        }
        return Array(data)
    }

    static func collection(_ name: String) throws -> PostmanImport {
        try PostmanImporter.importCollection(try bytes("collections", name))
    }

    /// What MANIFEST.json says about a collection.
    static func manifest(_ name: String) throws -> JSONValue {
        let manifest = try JSONValue.parse(try bytes("", "MANIFEST.json"))
        guard let entry = manifest["collections"]?[name] else { throw CorpusError(message: "\(name) is not in MANIFEST.json") }
        return entry
    }
}

struct CorpusError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

extension HurlEntry {
    /// The entry without positions and comments, to compare what it sends and checks.
    var comparable: HurlEntry {
        var entry = self
        entry.request.trivia = HurlTrivia()
        entry.request.line = 0
        entry.request.headers = entry.request.headers.map { HurlKeyValue(key: $0.key, value: $0.value) }
        entry.request.sections = entry.request.sections.map { section in
            var section = section
            section.trivia = HurlTrivia()
            section.line = 0
            switch section.content {
            case .query(let items): section.content = .query(items.map { HurlKeyValue(key: $0.key, value: $0.value) })
            case .form(let items): section.content = .form(items.map { HurlKeyValue(key: $0.key, value: $0.value) })
            case .cookies(let items): section.content = .cookies(items.map { HurlKeyValue(key: $0.key, value: $0.value) })
            case .basicAuth(let items): section.content = .basicAuth(items.map { HurlKeyValue(key: $0.key, value: $0.value) })
            case .multipart(let fields): section.content = .multipart(fields.map { HurlMultipartField(name: $0.name, content: $0.content) })
            case .options(let options): section.content = .options(options.map { HurlOption(name: $0.name, value: $0.value) })
            }
            return section
        }
        if var body = entry.request.body {
            body.trivia = HurlTrivia()
            body.line = 0
            entry.request.body = body
        }
        if var response = entry.response {
            response.trivia = HurlTrivia()
            response.line = 0
            response.sections = response.sections.map { section in
                var section = section
                section.trivia = HurlTrivia()
                section.line = 0
                switch section.content {
                case .asserts(let asserts):
                    section.content = .asserts(asserts.map { HurlAssert(query: $0.query, filters: $0.filters, predicate: $0.predicate) })
                case .captures(let captures):
                    section.content = .captures(captures.map { HurlCapture(name: $0.name, query: $0.query, filters: $0.filters, redacted: $0.redacted) })
                }
                return section
            }
            entry.response = response
        }
        return entry
    }

    /// The entry with the content type Hurl sends for its JSON, XML or GraphQL body written out, as
    /// an export to Postman writes it.
    var withImpliedContentType: HurlEntry {
        guard !request.headers.contains(where: { $0.key.description.lowercased() == "content-type" }) else { return self }
        let implied: String? = switch request.body?.content {
        case .json?: "application/json"
        case .xml?: "application/xml"
        case .multiline(let multiline)?: ["json": "application/json", "xml": "application/xml", "graphql": "application/json"][multiline.language ?? ""]
        default: nil
        }
        var entry = self
        if let implied { entry.request.headers.append(HurlKeyValue(key: "Content-Type", value: HurlTemplate(text: implied))) }
        return entry
    }
}

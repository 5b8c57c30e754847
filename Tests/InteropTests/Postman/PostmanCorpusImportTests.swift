import Foundation
import Hurl
import Interop
import JSON
import Testing

@Suite("Postman import of the public corpus")
struct PostmanCorpusImportTests {
    @Test("every collection imports into Hurl that our parser reads back unchanged", arguments: PostmanCorpus.collectionNames)
    func importsAndParses(name: String) throws {
        let imported = try PostmanCorpus.collection(name)
        #expect(!imported.files.isEmpty)
        for file in imported.files {
            let parsed = try HurlParser.parse(file.text, fileName: file.path)
            #expect(parsed.entries.map(\.comparable) == file.hurl.entries.map(\.comparable), "\(name): \(file.path)")
            #expect(parsed.entries.map(\.authProfile) == file.hurl.entries.map(\.authProfile))
            #expect(file.path.hasSuffix(".hurl"))
        }
    }

    @Test("every request of the manifest is imported", arguments: PostmanCorpus.collectionNames)
    func requestCounts(name: String) throws {
        let imported = try PostmanCorpus.collection(name)
        let expected = try PostmanCorpus.manifest(name)["requests"]?.intValue
        #expect(imported.requestCount == expected)
        let version = try PostmanCorpus.manifest(name)["schema"]?.stringValue ?? ""
        #expect(version.contains(imported.schemaVersion))
    }

    @Test("every v2.1 example imports and parses", arguments: PostmanCorpus.exampleNames)
    func examples(name: String) throws {
        let imported = try PostmanImporter.importCollection(try PostmanCorpus.bytes("examples-v2.1", name))
        for file in imported.files {
            _ = try HurlParser.parse(file.text, fileName: file.path)
        }
    }

    @Test("nested folders become files and sub-folders; the empty folder none")
    func nestedFolders() throws {
        let imported = try PostmanCorpus.collection("newman-multi-level-folders-v2.postman_collection.json")
        #expect(imported.files.map(\.path) == ["requests.hurl", "f1.hurl", "f2/requests.hurl", "f2/f2-f3.hurl"])
        let names = imported.files.map { file in file.hurl.entries.map { PostmanCorpusImportTests.name(of: $0) } }
        #expect(names == [["R1"], ["F1.R1", "F1.R2", "F1.R3"], ["F2.R1"], ["F2.F3.R1"]])
        // Pre-request and test scripts that do more than check are kept as comments, and listed.
        let text = imported.files[0].text
        #expect(text.contains("# Postman pre-request script (not converted):"))
        #expect(imported.warnings.contains { $0.hasPrefix("R1: pre-request script kept as a comment") })
    }

    @Test("auth at collection, folder and request level becomes profiles; inherit and noauth are honoured")
    func nestedAuth() throws {
        for name in ["transformer-nestedEntities-v2_0.postman_collection.json", "transformer-nestedEntities-v2_1.postman_collection.json"] {
            let imported = try PostmanCorpus.collection(name)
            let profiles = Dictionary(uniqueKeysWithValues: imported.authProfiles.map { ($0.name, $0.settingsDictionary) })
            let entries = imported.files.flatMap(\.hurl.entries)
            for entry in entries {
                let profile = try #require(entry.authProfile, "\(name): \(PostmanCorpusImportTests.name(of: entry)) has no profile")
                #expect(profiles[profile] != nil)
            }
            #expect(profiles.values.contains { $0["type"] == "oauth1" && $0["consumer_key"] == "RKCGzna7bv9YD57c" })
            #expect(profiles.values.contains { $0["type"] == "basic" })
            // A secret never stays in a profile: it moves to a secret variable.
            let oauth1 = try #require(profiles.values.first { $0["type"] == "oauth1" })
            let reference = try #require(oauth1["consumer_secret"])
            let variable = try #require(imported.variables.first { "{{\($0.key)}}" == reference })
            #expect(variable.isSecret && variable.value == "D+EdQ-gs$-%@2Nu7")
        }
    }

    @Test("collection, folder and request variables become environment and file variables")
    func variables() throws {
        let imported = try PostmanCorpus.collection("transformer-nestedEntities-v2_1.postman_collection.json")
        #expect(imported.variables.contains(ImportedVariable(key: "collection", value: "variable", isSecret: false)))
        let options = imported.files.flatMap(\.hurl.entries).flatMap(\.request.options).filter { $0.name == "variable" }
        #expect(!options.isEmpty)
        for option in options { #expect(option.value.description.contains("=")) }
    }

    @Test("the five auth helpers of v2.0 and v2.1 import alike")
    func helpers() throws {
        let old = try PostmanCorpus.collection("transformer-helpers-v2_0.postman_collection.json")
        let new = try PostmanCorpus.collection("transformer-helpers-v2_1.postman_collection.json")
        func types(_ result: PostmanImport) -> [String] { result.authProfiles.compactMap { $0.settingsDictionary["type"] }.sorted() }
        #expect(types(old) == ["basic", "bearer", "bearer", "oauth1"])
        #expect(types(new) == types(old))
        #expect(old.warnings.contains { $0.contains("digest auth is not supported") })
        for profile in old.authProfiles + new.authProfiles {
            for key in ["password", "token", "consumer_secret", "client_secret"] {
                if let value = profile.settingsDictionary[key] { #expect(value.hasPrefix("{{") && value.hasSuffix("}}")) }
            }
        }
    }

    @Test("OAuth 2 grants map to apish grants; implicit is refused with a warning")
    func oauth2Grants() throws {
        let imported = try PostmanCorpus.collection("insomnia-oauth2-v2_1.postman_collection.json")
        let grants = imported.authProfiles.map { "\($0.settingsDictionary["grant"] ?? "-")/\($0.settingsDictionary["pkce"] ?? "-")" }
        #expect(grants.sorted() == ["authorization_code/false", "authorization_code/true", "client_credentials/-", "password/-"])
        #expect(imported.warnings.contains { $0.contains("implicit") })
    }

    @Test("OAuth 1 parameter placement follows addParamsToHeader")
    func oauth1Placement() throws {
        let imported = try PostmanCorpus.collection("insomnia-oauth1-v2_1.postman_collection.json")
        let placements = imported.authProfiles.map { $0.settingsDictionary["placement"] ?? "header" }
        #expect(placements.contains("query") && placements.contains("header"))
        let methods = Set(imported.authProfiles.compactMap { $0.settingsDictionary["signature_method"] })
        #expect(methods == ["HMAC-SHA1", "HMAC-SHA256", "PLAINTEXT"])
    }

    @Test("every body mode: formdata with files, urlencoded, raw, graphql; disabled fields and unknown modes stay out")
    func bodies() throws {
        let imported = try PostmanCorpus.collection("insomnia-complex-v2_1.postman_collection.json")
        let entries = imported.files.flatMap(\.hurl.entries)
        let multipart = entries.flatMap(\.request.multipartFields)
        #expect(multipart.map(\.name.description) == ["file", "foo"])
        #expect(multipart.first?.content == .file(path: "/home/user/test.txt", contentType: nil))
        #expect(entries.flatMap(\.request.formParams).map(\.key.description) == ["foo"])
        let graphql = try #require(entries.first { PostmanCorpusImportTests.name(of: $0) == "Test Request GraphQL Body" })
        guard case .json(let text)? = graphql.request.body?.content else {
            Issue.record("graphql body is not JSON: \(String(describing: graphql.request.body))")
            return
        }
        let document = try JSONValue.parse(text)
        #expect(document["query"]?.stringValue?.hasPrefix("mutation loginUser") == true)
        #expect(document["variables"]?["username"]?.stringValue == "{{username}}")
        #expect(imported.warnings.contains { $0.contains("body mode 'unknown'") })
    }

    @Test("legacy tests[...] checks become asserts")
    func legacyTests() throws {
        let imported = try PostmanCorpus.collection("newman-echo-v2.postman_collection.json")
        let asserts = imported.files.flatMap(\.hurl.entries).compactMap(\.response).flatMap(\.asserts)
        #expect(asserts.contains(HurlAssert(query: .status, predicate: HurlPredicate(function: .equal, value: .number("200")))))
        #expect(asserts.contains(HurlAssert(query: .body, predicate: HurlPredicate(function: .contains, value: .string("headers")))))
    }

    @Test("disabled headers and query parameters stay out")
    func disabledEntries() throws {
        let imported = try PostmanCorpus.collection("newman-whatwg-url.postman_collection.json")
        let manifest = try PostmanCorpus.manifest("newman-whatwg-url.postman_collection.json")
        #expect(manifest["disabled_entries"]?.intValue == 1)
        let entry = try #require(imported.files.flatMap(\.hurl.entries).first { PostmanCorpusImportTests.name(of: $0) == "disabled query param" })
        #expect(entry.request.url.description == "https://postman-echo.com/get")
    }

    @Test("Postman variable names Hurl does not accept are renamed, nested ones too, with a warning")
    func renamedVariables() throws {
        let imported = try PostmanCorpus.collection("newman-whatwg-url.postman_collection.json")
        let urls = imported.files.flatMap(\.hurl.entries).map(\.request.url.description)
        #expect(urls.contains("https://{{host_one}}/get"))
        #expect(imported.warnings.contains("variable {{host.{{one}}}} is written {{host_one}}: Hurl names hold letters, digits, '_' and '-'"))
        for url in urls { #expect(!url.contains("{{host.")) }
    }

    static func name(of entry: HurlEntry) -> String {
        for line in entry.request.trivia.leadingLines {
            if case .comment(let text) = line { return String(text.dropFirst()) }
        }
        return ""
    }
}

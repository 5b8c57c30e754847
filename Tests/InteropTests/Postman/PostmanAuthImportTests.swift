import Foundation
import Hurl
import Interop
import Testing

@Suite("Postman auth blocks at every level")
struct PostmanAuthImportTests {
    static func attribute(_ key: String, _ value: String) -> [String: Any] { ["key": key, "value": value, "type": "string"] }

    static var collection: [String: Any] { [
        "info": ["name": "Auth levels", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"],
        "auth": ["type": "basic", "basic": [attribute("username", "ada"), attribute("password", "lovelace")]],
        "item": [
            ["name": "Inherits", "request": ["method": "GET", "url": "https://x.test/a", "auth": ["type": "inherit"]]],
            ["name": "Open", "auth": ["type": "noauth"], "item": [
                ["name": "Public", "request": ["method": "GET", "url": "https://x.test/public"]],
                ["name": "Keyed", "request": ["method": "GET", "url": "https://x.test/k?x=1",
                                              "auth": ["type": "apikey", "apikey": [attribute("key", "api_key"), attribute("value", "k3y"), attribute("in", "query")]]]],
                ["name": "Header key", "request": ["method": "GET", "url": "https://x.test/h",
                                                   "auth": ["type": "apikey", "apikey": [attribute("key", "X-Key"), attribute("value", "{{key}}")]]]],
                ["name": "Bearer", "request": ["method": "GET", "url": "https://x.test/b",
                                               "auth": ["type": "bearer", "bearer": [attribute("token", "{{access_token}}")]]]],
            ]],
        ],
    ] }

    @Test("inherit, noauth, apikey in query and header, bearer with a template")
    func levels() throws {
        let imported = try PostmanImporter.importCollection(Array(try JSONSerialization.data(withJSONObject: Self.collection)))
        let entries = imported.files.flatMap(\.hurl.entries)
        #expect(imported.files.map(\.path) == ["requests.hurl", "open.hurl"])
        #expect(entries.map(\.authProfile) == ["auth-levels", "none", "none", "none", "bearer"])
        #expect(entries[2].request.url.description == "https://x.test/k?x=1&api_key={{keyed_api_key}}")
        #expect(entries[3].request.headers == [HurlKeyValue(key: "X-Key", value: HurlTemplate([.placeholder(HurlPlaceholder(name: "key"))]))])
        let profiles = Dictionary(uniqueKeysWithValues: imported.authProfiles.map { ($0.name, $0.settingsDictionary) })
        #expect(profiles["auth-levels"] == ["type": "basic", "username": "ada", "password": "{{auth_levels_password}}"])
        #expect(profiles["bearer"] == ["type": "bearer", "token": "{{access_token}}"])
        #expect(imported.variables == [
            ImportedVariable(key: "auth_levels_password", value: "lovelace", isSecret: true),
            ImportedVariable(key: "keyed_api_key", value: "k3y", isSecret: true),
        ])
        // The directive is written where Hurl reads it as a comment.
        #expect(imported.files[1].text.contains("# @auth none\nGET https://x.test/public\n"))
    }
}

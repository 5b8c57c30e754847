import JSON
import Testing
@testable import Sandbox

@Suite("Contact list like Mautic's")
struct ContactListTests {
    let sandbox = SandboxHarness()

    private func ids(_ target: String) async throws -> [String] {
        let response = await sandbox.send("GET", target)
        #expect(response.status == 200, "\(target): \(response.bodyText)")
        return try response.json()["contacts"]?.objectValue?.keys ?? []
    }

    @Test func listIsKeyedByIDWithAStringTotal() async throws {
        let response = await sandbox.send("GET", "/api/contacts")
        #expect(response.status == 200)
        #expect(response.header("Mautic-Version") != nil)
        let body = try response.json()
        #expect(body.objectValue?.keys == ["total", "contacts"])
        #expect(body["total"] == .string("5"))
        #expect(body["contacts"]?.objectValue?.keys == ["1", "2", "3", "4", "5"])
        #expect(body["contacts"]?["3"]?["fields"]?["all"]?["email"] == .string("grace@example.com"))
        #expect(body["contacts"]?["3"]?["fields"]?["personal"] == .array([]))
    }

    @Test func emptyResultIsAnEmptyObject() async throws {
        let response = await sandbox.send("GET", "/api/contacts?search=nobody-matches-this")
        #expect(response.bodyText == #"{"total":"0","contacts":{}}"#)
    }

    @Test func pagingAndOrdering() async throws {
        #expect(try await ids("/api/contacts?start=1&limit=2") == ["2", "3"])
        #expect(try await ids("/api/contacts?orderBy=points&orderByDir=DESC&limit=3") == ["3", "5", "1"])
        #expect(try await ids("/api/contacts?orderBy=lastname") == ["5", "3", "1", "4", "2"])
        let paged = try await sandbox.send("GET", "/api/contacts?limit=1").json()
        #expect(paged["total"] == .string("5"), "total counts every match, not the page")
    }

    @Test func searchFreeTextAndEmailCommand() async throws {
        #expect(try await ids("/api/contacts?search=hopper") == ["3"])
        #expect(try await ids("/api/contacts?search=email:example.org") == ["4", "5"])
        #expect(try await ids("/api/contacts?search=tag:vip") == ["1", "3"])
        #expect(try await ids("/api/contacts?search=%21tag:vip") == ["2", "4", "5"])
    }

    @Test(arguments: [
        ("where[0][col]=email&where[0][expr]=eq&where[0][val]=ADA@example.com", ["1"]),
        ("where[0][col]=id&where[0][expr]=neq&where[0][val]=1", ["2", "3", "4", "5"]),
        ("where[0][col]=points&where[0][expr]=lt&where[0][val]=10", ["4"]),
        ("where[0][col]=points&where[0][expr]=lte&where[0][val]=10", ["2", "4"]),
        ("where[0][col]=points&where[0][expr]=gt&where[0][val]=30", ["3"]),
        ("where[0][col]=points&where[0][expr]=gte&where[0][val]=30", ["3", "5"]),
        ("where[0][col]=email&where[0][expr]=like&where[0][val]=%25.org", ["4", "5"]),
        ("where[0][col]=email&where[0][expr]=notLike&where[0][val]=%25.org", ["1", "2", "3"]),
        ("where[0][col]=id&where[0][expr]=in&where[0][val]=2,4", ["2", "4"]),
        ("where[0][col]=id&where[0][expr]=in&where[0][val][]=2&where[0][val][]=5", ["2", "5"]),
        ("where[0][col]=id&where[0][expr]=notIn&where[0][val]=2,4", ["1", "3", "5"]),
        ("where[0][col]=city&where[0][expr]=isNull", ["1", "2", "3", "4", "5"]),
        ("where[0][col]=city&where[0][expr]=isNotNull", []),
        ("where[0][col]=phone&where[0][expr]=isEmpty", ["1", "2", "3", "4", "5"]),
        ("where[0][col]=firstname&where[0][expr]=isNotEmpty&where[1][col]=points&where[1][expr]=gt&where[1][val]=20",
         ["1", "3", "5"]),
    ])
    func whereExpressions(query: String, expected: [String]) async throws {
        let encoded = query.replacingOccurrences(of: "[", with: "%5B").replacingOccurrences(of: "]", with: "%5D")
        #expect(try await ids("/api/contacts?\(encoded)") == expected, "\(query)")
    }

    @Test func publishedFilterBothSpellingsAndMinimal() async throws {
        #expect(try await ids("/api/contacts?published=1") == ["1", "2", "3", "4", "5"])
        #expect(try await ids("/api/contacts?publishedOnly=1") == ["1", "2", "3", "4", "5"])
        let minimal = try await sandbox.send("GET", "/api/contacts?minimal=1&limit=1").json()
        #expect(minimal["contacts"]?["1"]?["fields"]?.objectValue?.keys == ["all"])
        #expect(minimal["contacts"]?["1"]?["owner"] == nil)
    }

    @Test func badListParametersAreA400Envelope() async throws {
        for target in ["/api/contacts?orderBy=nope", "/api/contacts?where[0][col]=nope&where[0][expr]=eq&where[0][val]=1",
                       "/api/contacts?where[0][col]=id&where[0][expr]=sounds&where[0][val]=1", "/api/contacts?limit=-3"] {
            let response = await sandbox.send("GET", target)
            #expect(response.status == 400, "\(target)")
            #expect(try response.mauticError().code == 400)
        }
    }
}

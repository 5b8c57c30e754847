import JSON
import Testing
@testable import Sandbox

@Suite("Contact create, edit, delete and batch like Mautic's")
struct ContactEditTests {
    let sandbox = SandboxHarness()

    @Test func getOneIsWrappedInContact() async throws {
        let body = try await sandbox.send("GET", "/api/contacts/1").json()
        #expect(body.objectValue?.keys == ["contact"])
        #expect(body["contact"]?["id"] == .number(JSONNumber(1)))
        #expect(body["contact"]?["fields"]?["core"]?["firstname"]?["value"] == .string("Ada"))
        #expect(body["contact"]?["dateAdded"]?.stringValue?.hasSuffix("+00:00") == true)
    }

    @Test func unknownContactIs404() async throws {
        for (method, path) in [("GET", "/api/contacts/999"), ("PATCH", "/api/contacts/999/edit"), ("DELETE", "/api/contacts/999/delete")] {
            let response = await sandbox.send(method, path, json: method == "PATCH" ? #"{"firstname":"X"}"# : nil)
            #expect(response.status == 404)
            #expect(try response.mauticError().message == "Item was not found.")
        }
    }

    @Test func createIs201WithLocationThenDuplicateEmailIs200() async throws {
        let created = await sandbox.send("POST", "/api/contacts/new", json: #"{"firstname":"Jim","email":"jim@example.com"}"#)
        #expect(created.status == 201)
        #expect(created.header("Location") == "http://sandbox.test/api/contacts/6")
        let again = await sandbox.send("POST", "/api/contacts/new", json: #"{"lastname":"Byron","email":"JIM@example.com"}"#)
        #expect(again.status == 200)
        let contact = try again.json()["contact"]
        #expect(contact?["id"] == .number(JSONNumber(6)))
        #expect(contact?["fields"]?["all"]?["firstname"] == .string("Jim"))
        #expect(contact?["fields"]?["all"]?["lastname"] == .string("Byron"))
    }

    @Test func formBodiesWithBracketsWork() async throws {
        let response = await sandbox.send("POST", "/api/contacts/new", form: "firstname=Form&email=form%40example.com&tags[]=one&tags[]=two")
        #expect(response.status == 201)
        let contact = try response.json()["contact"]
        #expect(contact?["fields"]?["all"]?["email"] == .string("form@example.com"))
        #expect(contact?["tags"]?.arrayValue?.compactMap { $0["tag"]?.stringValue } == ["one", "two"])
    }

    @Test func patchMergesAndSkipsBlanks() async throws {
        let response = await sandbox.send("PATCH", "/api/contacts/1/edit", json: #"{"lastname":"Byron","company":""}"#)
        #expect(response.status == 200)
        let all = try response.json()["contact"]?["fields"]?["all"]
        #expect(all?["firstname"] == .string("Ada"))
        #expect(all?["lastname"] == .string("Byron"))
        #expect(all?["company"] == .string("Analytical Engines Ltd"), "blank values are ignored on PATCH")
    }

    @Test func putErasesWhatIsNotSentAndCreatesUnknownIDs() async throws {
        let response = await sandbox.send("PUT", "/api/contacts/1/edit", json: #"{"lastname":"Byron"}"#)
        #expect(response.status == 200)
        let contact = try response.json()["contact"]
        #expect(contact?["fields"]?["all"]?["lastname"] == .string("Byron"))
        #expect(contact?["fields"]?["all"]?["firstname"] == .null)
        #expect(contact?["fields"]?["all"]?["email"] == .null)
        #expect(contact?["points"] == .number(JSONNumber(0)))
        let created = await sandbox.send("PUT", "/api/contacts/500/edit", json: #"{"firstname":"New"}"#)
        #expect(created.status == 201)
        #expect(try created.json()["contact"]?["id"] == .number(JSONNumber(6)), "a new id, not the one asked for")
    }

    @Test func deleteReturnsTheContactWithNullID() async throws {
        let response = await sandbox.send("DELETE", "/api/contacts/2/delete")
        #expect(response.status == 200)
        let contact = try response.json()["contact"]
        #expect(contact?["id"] == .null)
        #expect(contact?["fields"]?["all"]?["lastname"] == .string("Turing"))
        #expect(await sandbox.send("GET", "/api/contacts/2").status == 404)
    }

    @Test func invalidEmailIsA400WithDetails() async throws {
        let response = await sandbox.send("POST", "/api/contacts/new", json: #"{"email":"not-an-email"}"#)
        #expect(response.status == 400)
        let body = try response.json()
        #expect(body["errors"]?[0]?["message"] == .string("email: This value is not a valid email address."))
        #expect(body["errors"]?[0]?["details"]?["email"]?[0] == .string("This value is not a valid email address."))
    }

    @Test func malformedJSONIsA400Envelope() async throws {
        let response = await sandbox.send("POST", "/api/contacts/new", json: #"{"firstname": "#)
        #expect(response.status == 400)
        #expect(try response.mauticError().code == 400)
    }

    @Test func batchNewEditDelete() async throws {
        let created = await sandbox.send("POST", "/api/contacts/batch/new",
                                         json: #"[{"firstname":"A","email":"a@example.com"},{"email":"ada@example.com","city":"London"},{"email":"bad"}]"#)
        #expect(created.status == 201)
        let body = try created.json()
        #expect(body["statusCodes"] == .array([.number(JSONNumber(201)), .number(JSONNumber(200)), .number(JSONNumber(400))]))
        #expect(body["contacts"]?.arrayValue?.count == 2)
        #expect(body["errors"]?["2"]?["type"] == .string("api"))

        let edited = try await sandbox.send("PATCH", "/api/contacts/batch/edit",
                                            json: #"[{"id":1,"city":"Paris"},{"id":999,"city":"Nowhere"}]"#).json()
        #expect(edited["statusCodes"] == .array([.number(JSONNumber(200)), .number(JSONNumber(404))]))

        let deleted = await sandbox.send("DELETE", "/api/contacts/batch/delete?ids=1,2")
        #expect(deleted.status == 200)
        #expect(try deleted.json()["contacts"]?[0]?["id"] == .number(JSONNumber(1)), "batch delete keeps ids")
        #expect(await sandbox.send("GET", "/api/contacts/1").status == 404)
    }

    @Test func batchOverTheLimitIs500WithMauticsMessage() async throws {
        let items = Array(repeating: #"{"firstname":"X"}"#, count: 201).joined(separator: ",")
        let response = await sandbox.send("POST", "/api/contacts/batch/new", json: "[\(items)]")
        #expect(response.status == 500)
        #expect(try response.mauticError().message == "A max of 200 entities are supported at a time.")
    }

    @Test func nonAdminCannotDelete() async throws {
        let response = await sandbox.send("DELETE", "/api/contacts/1/delete", as: .basic("sales", "sales"))
        #expect(response.status == 403)
        #expect(try response.mauticError().message == "You do not have access to the requested area/action.")
    }

    @Test func usersSelf() async throws {
        let body = try await sandbox.send("GET", "/api/users/self", as: .basic("sales", "sales")).json()
        #expect(body["username"] == .string("sales"))
        #expect(body["id"] == .number(JSONNumber(2)))
    }

    @Test func unknownRouteIs404Envelope() async throws {
        let response = await sandbox.send("GET", "/api/nothing-here")
        #expect(response.status == 404)
        #expect(try response.mauticError().code == 404)
    }
}

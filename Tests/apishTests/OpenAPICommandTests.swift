import Foundation
import Testing
import TestSupport

/// `apish openapi operations` and `apish import openapi`, run as a person runs them.
@Suite(.serialized) struct OpenAPICommandTests {
    static let petstore = PackagePaths.conformance.appendingPathComponent("openapi/oai-examples/petstore.yaml").path

    @Test func operationsAreListedTabSeparatedInDocumentOrder() throws {
        let run = try FreshRun()
        let result = try run.apish(["openapi", "operations", Self.petstore])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == """
            GET\t/pets\tlistPets\tList all pets
            POST\t/pets\tcreatePets\tCreate a pet
            GET\t/pets/{petId}\tshowPetById\tInfo for a specific pet

            """)
        #expect(result.stderr.isEmpty)
        // The YAML was kept as JSON in the state folder; the next process reads that instead.
        let kept = try FileManager.default.contentsOfDirectory(atPath: run.state.appendingPathComponent("openapi").path)
        #expect(kept.filter { $0.hasPrefix("yaml-") }.count == 2, "\(kept)")
        let again = try run.apish(["openapi", "operations", Self.petstore])
        #expect(again.stdout == result.stdout)
    }

    @Test func unreadableAndForeignDocumentsSayWhyWithTheirExitCodes() throws {
        let run = try FreshRun()
        let missing = try run.apish(["openapi", "operations", "/nonexistent/spec.yaml"])
        #expect(missing.status == 3)
        #expect(missing.stderr == "apish openapi operations: cannot read /nonexistent/spec.yaml: no such file or not readable\n")
        let readme = PackagePaths.root.appendingPathComponent("README.md").path
        let foreign = try run.apish(["openapi", "operations", readme])
        #expect(foreign.status == 2)
        #expect(foreign.stderr.hasPrefix("apish openapi operations: \(readme): not valid YAML") || foreign.stderr.contains("no `openapi` version field"))
    }

    /// The sandbox's own description, fetched from it, scaffolds collections that parse and replay.
    @Test func theSandboxDescriptionScaffoldsCollectionsThatRun() throws {
        let run = try FreshRun()
        let sandbox = try SandboxProcess(port: FreePort.next(), run: run)
        defer { sandbox.stop() }
        let imported = try run.apish([
            "import", "openapi", "\(sandbox.baseURL)/api/openapi.json", "--out", "collections/scaffold", "--env", "scaffold",
        ])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.hasPrefix("imported 11 operations into 2 files under collections/scaffold\n"))
        let contacts = try String(contentsOf: run.workspace.appendingPathComponent("collections/scaffold/contacts.hurl"), encoding: .utf8)
        #expect(contacts.contains("""
            # Create a contact (createContact)
            POST {{baseUrl}}/api/contacts/new
            {
              "firstname": "Ada",
            """))
        #expect(contacts.contains("GET {{baseUrl}}/api/contacts/1\n"))
        #expect(contacts.contains("HTTP 201\n[Asserts]\njsonpath \"$.contact\" exists\n"))
        for file in ["contacts", "users"] {
            let parsed = try run.apish(["export", "curl", "collections/scaffold/\(file).hurl"])
            #expect(parsed.status == 0, "\(file).hurl does not parse: \(parsed.stderr)")
        }
        let users = try run.apish([
            "run", "collections/scaffold/users.hurl", "--env", "sandbox", "--auth", "basic", "--variable", "baseUrl=\(sandbox.baseURL)",
            "--openapi", "\(sandbox.baseURL)/api/openapi.json", "--report-json", "report.json",
        ])
        #expect(users.status == 0, "\(users.stdout)\n\(users.stderr)")
        let report = try String(contentsOf: run.workspace.appendingPathComponent("report.json"), encoding: .utf8)
        let compact = report.filter { !$0.isWhitespace }
        #expect(compact.contains(#""expression":"conformstotheOpenAPIdescription","implicit":true,"passed":true,"expected":"GET/api/users/self200application/json""#))
    }

    /// A description stricter than the server: `run --openapi` fails the entry (exit 4), `expect schema` says where.
    @Test func responsesThatBreakTheDescriptionFailLikeAsserts() throws {
        let run = try FreshRun()
        let sandbox = try SandboxProcess(port: FreePort.next(), run: run)
        defer { sandbox.stop() }
        let strict = run.workspace.appendingPathComponent("strict.yaml")
        try """
            openapi: 3.0.3
            info: {title: Strict, version: "1"}
            paths:
              /api/users/self:
                get:
                  responses:
                    "200":
                      description: the user
                      content:
                        application/json:
                          schema:
                            type: object
                            required: [id, nickname]
                            properties:
                              id: {type: string}
            """.write(to: strict, atomically: true, encoding: .utf8)
        try "GET {{baseUrl}}/api/users/self\nHTTP 200\n".write(
            to: run.workspace.appendingPathComponent("self.hurl"), atomically: true, encoding: .utf8)
        let result = try run.apish([
            "run", "self.hurl", "--env", "sandbox", "--auth", "basic", "--variable", "baseUrl=\(sandbox.baseURL)", "--openapi", strict.path,
        ])
        #expect(result.status == 4, "\(result.stdout)\n\(result.stderr)")
        #expect(result.stderr.contains("/: required: missing member \"nickname\"") || result.stderr.contains("nickname"), "\(result.stderr)")
        #expect(result.stderr.contains("/id: type:"), "\(result.stderr)")

        let shell = try run.apish([
            "--env", "sandbox", "-c", "set baseUrl = \(sandbox.baseURL)", "-c", "openapi load \(strict.path)",
            "-c", "GET /api/users/self --quiet", "-c", "expect schema",
        ])
        #expect(shell.status == 4)
        #expect(shell.stderr.contains("does not conform to GET /api/users/self 200 application/json:\n  /: required:"), "\(shell.stderr)")
        let fine = try run.apish([
            "--env", "sandbox", "-c", "set baseUrl = \(sandbox.baseURL)", "-c", "GET /api/users/self --quiet", "-c", "expect schema",
        ])
        #expect(fine.status == 0, "\(fine.stderr)")
        #expect(fine.stdout.contains("✓ conforms to GET /api/users/self 200 application/json"))
    }
}

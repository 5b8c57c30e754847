import Foundation
import JSON
import OpenAPI
import Sandbox
import Testing
import TestSupport

/// `GET /api/openapi.json`: the sandbox's description of itself, read by apish and by an independent
/// tester (Schemathesis), which generates requests from it and checks every answer against it.
@Suite("Sandbox OpenAPI description", .serialized)
struct SandboxDescriptionTests {
    @Test func describesEveryRouteWithoutWarnings() async throws {
        let server = try SandboxServer(configuration: SandboxConfiguration(port: 0))
        let port = try await server.start()
        defer { Task { await server.stop() } }
        let result = try await runCommand(["curl", "-sS", "http://127.0.0.1:\(port)/api/openapi.json"], timeout: 30)
        let description = try OpenAPIDescription.load(Array(result.stdout.utf8))
        #expect(description.version == "3.1.0")
        #expect(description.warnings.isEmpty)
        #expect(description.document["servers"]?[0]?["url"]?.stringValue == "http://127.0.0.1:\(port)")
        #expect(description.operations.map(\.title) == [
            "GET /api/contacts", "POST /api/contacts/new", "GET /api/contacts/{id}", "PATCH /api/contacts/{id}/edit",
            "PUT /api/contacts/{id}/edit", "DELETE /api/contacts/{id}/delete", "POST /api/contacts/batch/new",
            "PATCH /api/contacts/batch/edit", "PUT /api/contacts/batch/edit", "DELETE /api/contacts/batch/delete",
            "GET /api/users/self",
        ])
        await server.stop()
    }

    @Test func schemathesisFindsNoServerErrorAndNothingUndocumented() async throws {
        let server = try SandboxServer(configuration: SandboxConfiguration(port: 0))
        let port = try await server.start()
        // Schemathesis keeps a cache in its working directory: a folder of the test's own.
        let folder = try PackagePaths.temporaryFolder("apish-schemathesis")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try await runCommand(in: folder, [
            "python3", "-m", "schemathesis.cli", "run", "http://127.0.0.1:\(port)/api/openapi.json", "--auth", "admin:mautic",
            "--checks", "not_a_server_error,response_schema_conformance,status_code_conformance,content_type_conformance",
            "--max-examples", "10", "--generation-deterministic", "--workers", "1", "--request-timeout", "5",
        ], timeout: 300)
        await server.stop()
        #expect(result.status == 0, "schemathesis (PyPI, `make test-deps`) must run and pass:\n\(result.stdout.suffix(4000))\n\(result.stderr.suffix(2000))")
        #expect(result.stdout.contains("No issues found"))
    }
}

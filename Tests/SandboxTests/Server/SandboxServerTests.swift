import Foundation
import JSON
import Sandbox
import Testing
import TestSupport

@Suite("Sandbox server lifecycle and data file", .serialized)
struct SandboxServerTests {
    private func curl(_ arguments: [String]) async throws -> CommandResult {
        try await runCommand(["curl", "-sS"] + arguments, timeout: 30)
    }

    @Test func startsOnAFreePortAndStops() async throws {
        let server = try SandboxServer(configuration: SandboxConfiguration(port: 0))
        let port = try await server.start()
        #expect(port > 0)
        #expect(await server.baseURL == "http://127.0.0.1:\(port)")
        #expect(await server.credentialsSummary.contains("admin / mautic"))
        #expect(FreePort.isListening(port))
        await server.stop()
        #expect(!FreePort.isListening(port))
    }

    @Test func busyPortIsAClearError() async throws {
        let first = try SandboxServer(configuration: SandboxConfiguration(port: 0))
        let port = try await first.start()
        let second = try SandboxServer(configuration: SandboxConfiguration(port: port))
        await #expect(throws: SandboxServer.StartError.self) { try await second.start() }
        await first.stop()
    }

    @Test func dataFileIsLoadedAndSavedAcrossRestarts() async throws {
        let folder = try PackagePaths.temporaryFolder("apish-sandbox")
        defer { try? FileManager.default.removeItem(at: folder) }
        let dataFile = folder.appendingPathComponent("contacts.json").path
        let configuration = SandboxConfiguration(port: 0, dataFile: dataFile)

        let first = try SandboxServer(configuration: configuration)
        let port = try await first.start()
        let created = try await curl(["-u", "admin:mautic", "-H", "Content-Type: application/json",
                                "-d", #"{"firstname":"Kept","email":"kept@example.com"}"#, "http://127.0.0.1:\(port)/api/contacts/new"])
        #expect(created.stdout.contains(#""id":6"#))
        await first.stop()
        #expect(FileManager.default.fileExists(atPath: dataFile))

        let second = try SandboxServer(configuration: configuration)
        let secondPort = try await second.start()
        let listed = try await curl(["-u", "admin:mautic", "http://127.0.0.1:\(secondPort)/api/contacts?search=email:kept@example.com"])
        await second.stop()
        let body = try JSONValue.parse(listed.stdout)
        #expect(body["total"] == .string("1"))
        #expect(body["contacts"]?["6"]?["fields"]?["all"]?["firstname"] == .string("Kept"))
    }

    @Test func unreadableDataOrCredentialsFileFailsBeforeServing() throws {
        let folder = try PackagePaths.temporaryFolder("apish-sandbox")
        defer { try? FileManager.default.removeItem(at: folder) }
        let broken = folder.appendingPathComponent("broken.json")
        try Data("{not json".utf8).write(to: broken)
        #expect(throws: SandboxServer.StartError.self) {
            try SandboxServer(configuration: SandboxConfiguration(dataFile: broken.path))
        }
        #expect(throws: SandboxServer.StartError.self) {
            try SandboxServer(configuration: SandboxConfiguration(credentialsFile: broken.path))
        }
    }

    @Test func credentialsFileReplacesTheDemoUsers() async throws {
        let folder = try PackagePaths.temporaryFolder("apish-sandbox")
        defer { try? FileManager.default.removeItem(at: folder) }
        var credentials = SandboxCredentials.demo
        credentials.users = [.init(id: 7, username: "ops", password: "s3cret", firstName: "O", lastName: "Ps", email: "ops@example.com", isAdmin: true)]
        let file = folder.appendingPathComponent("creds.json")
        try JSONEncoder().encode(credentials).write(to: file)
        let server = try SandboxServer(configuration: SandboxConfiguration(port: 0, credentialsFile: file.path))
        let port = try await server.start()
        let me = try await curl(["-u", "ops:s3cret", "http://127.0.0.1:\(port)/api/users/self"])
        let old = try await curl(["-o", "/dev/null", "-w", "%{http_code}", "-u", "admin:mautic", "http://127.0.0.1:\(port)/api/users/self"])
        await server.stop()
        #expect(try JSONValue.parse(me.stdout)["username"] == .string("ops"))
        #expect(old.stdout == "401")
    }
}

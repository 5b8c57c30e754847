import Foundation
import Testing
import TestSupport
@testable import LineEditor
@testable import Shell
import Workspace

/// The shell with Twilio's 2010 description (121 paths, 197 operations) as its environment's `openapi`.
@Suite struct OpenAPIShellTests {
    let session: ShellSession
    let output = BufferedOutput()

    init() throws {
        let folder = try PackagePaths.temporaryFolder("apish-openapi")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("environments"), withIntermediateDirectories: true)
        let spec = PackagePaths.conformance.appendingPathComponent("openapi/twilio/twilio_api_v2010.json").path
        try "baseUrl = https://api.twilio.com\nopenapi = \(spec)\n"
            .write(to: folder.appendingPathComponent("environments/twilio.env"), atomically: true, encoding: .utf8)
        let workspace = Workspace(root: folder.path, userState: StateFolder(path: folder.appendingPathComponent("state").path))
        session = ShellSession(workspace: workspace, output: output, interactive: true, processEnvironment: [:])
        try session.selectEnvironment("twilio")
    }

    private func complete(_ line: String) -> [String] {
        ShellCompleter(session: session).candidates(for: CompletionContext(line: line))
    }

    @Test func pathsCompleteFromTheDescriptionSegmentBySegment() {
        #expect(complete("GET /2010-04-01/Acc") == ["/2010-04-01/Accounts.json", "/2010-04-01/Accounts/"])
        #expect(complete("GET /2010-04-01/Accounts/") == ["/2010-04-01/Accounts/{Sid}.json", "/2010-04-01/Accounts/{AccountSid}/"])
        let calls = complete("GET /2010-04-01/Accounts/AC123/Cal")
        #expect(calls == ["/2010-04-01/Accounts/AC123/Calls.json", "/2010-04-01/Accounts/AC123/Calls/"])
        #expect(complete("DELETE /2010-04-01/Accounts/AC1/Calls/").allSatisfy { $0.hasPrefix("/2010-04-01/Accounts/AC1/Calls/") })
        #expect(complete("GET {{baseUrl}}/2010-04-01/Accounts.j") == ["{{baseUrl}}/2010-04-01/Accounts.json"])
    }

    @Test func itemsCompleteFromTheOperationRequiredFirst() {
        let items = complete("POST /2010-04-01/Accounts/AC1/Calls.json ")
        #expect(Array(items.prefix(2)) == ["To=", "From="])
        #expect(items.contains("StatusCallback="))
        #expect(complete("GET /2010-04-01/Accounts/AC1/Calls.json St") == ["Status==", "StartTime==", "StartTime<==", "StartTime>=="])
        #expect(complete("GET /2010-04-01/Accounts/AC1/Calls.json Status==in-") == ["Status==in-progress"])
    }

    @Test func describeAndOpsReadTheDescription() async throws {
        try await session.run("describe GET /2010-04-01/Accounts/AC1/Calls/CA2.json")
        let text = output.text
        #expect(text.hasPrefix("GET /2010-04-01/Accounts/{AccountSid}/Calls/{Sid}.json"))
        #expect(text.contains("operationId FetchCall"))
        #expect(text.contains("  AccountSid*  path"))
        #expect(text.contains("Responses\n  200  application/json api.v2010.account.call"))
        let described = output.text.count
        try await session.run("ops FetchCall")
        let listed = output.text.dropFirst(described).split(separator: "\n")
        #expect(listed.first == "GET /2010-04-01/Accounts/{AccountSid}/Calls/{Sid}.json  FetchCall  Fetch the call specified by the provided Call SID")
        #expect(listed.count == 3, "FetchCall, FetchCallNotification, FetchCallRecording")
        await #expect(throws: ShellError.self) { try await session.run("describe PATCH /2010-04-01/Accounts.json") }
    }
}

/// Tab on Twilio's description, typed on a pseudo-terminal as a person does.
@Suite(.serialized) struct OpenAPICompletionOnTerminalTests {
    @Test func tabCompletesPathsAndEnumValuesFromTheDescription() throws {
        let fixture = try ShellFixture()
        let spec = PackagePaths.conformance.appendingPathComponent("openapi/twilio/twilio_api_v2010.json").path
        try fixture.write("baseUrl = https://api.twilio.com\nopenapi = \(spec)\n", to: "environments/twilio.env")
        let terminal = try PseudoTerminal(executable: PackagePaths.apishBinary, arguments: ["--env", "twilio"], environment: fixture.environment)
        try terminal.waitFor("apish [twilio]> ")
        try terminal.waitForKeyReading()
        terminal.send("describe /2010-04-01/Acc")
        terminal.sendKey(.tab)
        try terminal.waitFor("/2010-04-01/Accounts/")
        terminal.send(".json\r")
        try terminal.waitFor("GET /2010-04-01/Accounts.json — Retrieves a collection of Accounts")
        try terminal.waitFor("apish [twilio]> ")
        try terminal.waitForKeyReading()
        terminal.send("GET /2010-04-01/Accounts/AC1/Calls.json Status==in-")
        terminal.sendKey(.tab)
        try terminal.waitFor("Status==in-progress")
        terminal.sendKey(.ctrlC)
        try terminal.waitFor("apish [twilio]> ")
        try terminal.waitForKeyReading()
        terminal.sendKey(.ctrlD)
        #expect(try terminal.waitForExit() == 0)
    }
}

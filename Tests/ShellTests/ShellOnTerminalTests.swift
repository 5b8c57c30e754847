import Foundation
import TestSupport
import Testing

/// The real `apish` shell on a pseudo-terminal, driven the way a person types.
@Suite(.serialized) final class ShellOnTerminalTests {
    let httpbin: PeerServer
    let fixture: ShellFixture

    init() throws {
        httpbin = try PeerServer.httpbin()
        fixture = try ShellFixture()
        try fixture.write("baseUrl = \(httpbin.baseURL)\nuser = ada\n", to: "environments/bin.env")
        try fixture.write("baseUrl = http://127.0.0.1:9\n", to: "environments/sandbox.env")
    }

    /// Starts the shell in the `bin` environment and waits for its first prompt.
    func start() throws -> PseudoTerminal {
        let terminal = try PseudoTerminal(
            executable: PackagePaths.apishBinary, arguments: ["--env", "bin"], environment: fixture.environment)
        try terminal.waitFor("apish [bin]> ")
        try terminal.waitForKeyReading()
        return terminal
    }

    func prompt(_ terminal: PseudoTerminal, _ text: String = "apish [bin]> ") throws {
        try terminal.waitFor(text)
        try terminal.waitForKeyReading()
    }

    @Test func aTypedRequestIsAnsweredAndUpRecallsIt() throws {
        let terminal = try start()
        terminal.send("GET /get who==first\r")
        try terminal.waitFor("HTTP/1.1 200 OK")
        try terminal.waitFor(#""who": "first""#)
        try prompt(terminal)
        terminal.sendKey(.up)
        terminal.send("x\r")
        try terminal.waitFor(#""who": "firstx""#)
        try prompt(terminal)
        terminal.sendKey(.ctrlD)
        #expect(try terminal.waitForExit() == 0)
    }

    @Test func tabCompletesCommandsVariablesAndEnvironments() throws {
        let terminal = try start()
        terminal.send("hist")
        terminal.sendKey(.tab)
        terminal.send("\r")
        try terminal.waitFor("no exchanges yet")
        try prompt(terminal)
        terminal.send("echo {{us")
        terminal.sendKey(.tab)
        terminal.send("\r")
        try terminal.waitFor("\nada")
        try prompt(terminal)
        terminal.send("env use sa")
        terminal.sendKey(.tab)
        terminal.send("\r")
        try terminal.waitFor("apish [sandbox]> ")
    }

    @Test func ctrlCCancelsASlowRequestAndTheShellLives() throws {
        let terminal = try start()
        terminal.send("GET /delay/10\r")
        Thread.sleep(forTimeInterval: 0.5)
        let interrupted = Date()
        terminal.sendKey(.ctrlC)
        try terminal.waitFor("cancelled", timeout: 3)
        try prompt(terminal)
        #expect(Date().timeIntervalSince(interrupted) < 1.5)
        terminal.send("echo alive\r")
        try terminal.waitFor("\nalive")
    }

    @Test func aPasswordTypedForBasicAuthNeverReachesTheHistoryFile() throws {
        let terminal = try start()
        terminal.send("auth basic ada\r")
        try terminal.waitFor("Password for ada: ")
        terminal.send("pa55-word-xyz\r")
        try terminal.waitFor("now use Basic auth as ada")
        // The prompt now says which credentials requests carry.
        let authenticated = "apish [bin • basic ✓]> "
        try prompt(terminal, authenticated)
        terminal.send("GET /headers --body\r")
        // httpbin echoes the header it received; the shell masks it where it stands in the body.
        try terminal.waitFor(#""Authorization": "••••••""#)
        try prompt(terminal, authenticated)
        terminal.send("env secret token tok-SECRET-123\r")
        try prompt(terminal, authenticated)
        terminal.sendKey(.ctrlD)
        #expect(try terminal.waitForExit() == 0)
        // libedit's history format escapes spaces as \040.
        let history = try String(contentsOf: fixture.state.appendingPathComponent("history"), encoding: .utf8)
            .replacingOccurrences(of: "\\040", with: " ")
        #expect(history.contains("auth basic ada"))
        #expect(!history.contains("pa55-word-xyz"))
        #expect(!history.contains("tok-SECRET-123"))
        let mode = try FileManager.default.attributesOfItem(atPath: fixture.state.appendingPathComponent("history").path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let transcript = terminal.screenText
        #expect(!transcript.contains("pa55-word-xyz\r\nnow use"))
        #expect(!transcript.contains(Data("ada:pa55-word-xyz".utf8).base64EncodedString()))
    }

    @Test func switchingTheBasicUserDoesNotKeepThePreviousPassword() throws {
        let terminal = try start()
        terminal.send("auth basic ada\r")
        try terminal.waitFor("Password for ada: ")
        terminal.send("pa55-word-xyz\r")
        try prompt(terminal, "apish [bin • basic ✓]> ")
        terminal.send("auth basic bob\r")
        try terminal.waitFor("Password for bob: ")
        terminal.send("\r")
        try terminal.waitFor("no password was given")
        try prompt(terminal, "apish [bin • basic ✗]> ")
        terminal.send("GET /headers --body\r")
        try terminal.waitFor("no password for bob")
        try prompt(terminal, "apish [bin • basic ✗]> ")
    }

    @Test func openBracketsShowInTheContinuationPromptAndAPastedBodyJoinsItsRequest() throws {
        let terminal = try start()
        terminal.send("POST /anything --body {\r")
        try terminal.waitFor("…{ ")
        terminal.send("\"typed\": [1,\r")
        try terminal.waitFor("…{[ ")
        terminal.send("2]}\r")
        try terminal.waitFor(#""data": "{\n\"typed\": [1,\n2]}""#)
        try prompt(terminal)
        terminal.send("POST /anything --body\r{\"pasted\": true}\r")
        try terminal.waitFor(#""data": "{\"pasted\": true}""#)
        try prompt(terminal)
        terminal.send("q $.a[\r")
        try terminal.waitFor("invalid path")
        try prompt(terminal)
    }
}

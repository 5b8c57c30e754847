import Foundation
import HTTPExchange
import TestSupport
import Testing
import Workspace

@Suite struct EnvironmentDocumentTests {
    let text = """
        # Mautic on the sandbox
        baseUrl = http://127.0.0.1:8181
        username = admin
        secret password
        secret client_secret = $MAUTIC_SECRET
        auth = basic

        [auth basic]
        type = basic
        username = {{username}}
        """

    @Test func parsesVariablesSecretsAndSections() throws {
        let document = try EnvironmentDocument(parsing: text, fileName: "sandbox.env")
        #expect(document.entry("baseUrl")?.value == "http://127.0.0.1:8181")
        #expect(document.entry("password")?.isSecret == true)
        #expect(document.entry("client_secret")?.environmentVariable == "MAUTIC_SECRET")
        let section = EnvironmentDocument.Section(kind: "auth", name: "basic")
        #expect(document.sections == [section])
        #expect(document.entries(in: section).map(\.key) == ["type", "username"])
        #expect(document.rendered() == text + "\n")
    }

    /// Found by the environment fuzz target: `secret=x` read as a variable called secret, but it was
    /// written back as `secret = x`, which read as a secret without a name and failed.
    @Test func aVariableCalledSecretReadsBackAsWritten() throws {
        let document = try EnvironmentDocument(parsing: "secret=x\nsecret token\n", fileName: "a.env")
        #expect(document.entry("secret") == .init(key: "secret", value: "x"))
        #expect(document.entry("token")?.isSecret == true)
        #expect(document.rendered() == "secret = x\nsecret token\n")
        #expect(try EnvironmentDocument(parsing: document.rendered(), fileName: "a.env") == document)
    }

    /// Found by the environment fuzz target: a value with a tab at either end or a carriage return at
    /// the end lost it when written back unquoted.
    @Test func valuesKeepBlanksAndCarriageReturnsAtTheirEnds() throws {
        let document = try EnvironmentDocument(parsing: "a = \"\tx\"\nb = x\r\t\nc = \"x \"\n", fileName: "a.env")
        #expect(document.entries().map(\.value) == ["\tx", "x\r", "x "])
        #expect(try EnvironmentDocument(parsing: document.rendered(), fileName: "a.env") == document)
    }

    /// Found with the case above: a file with CRLF line breaks was read as one line, since Swift takes
    /// "\r\n" as a single Character.
    @Test func crlfLineBreaksSeparateLines() throws {
        let document = try EnvironmentDocument(parsing: "# note\r\na = 1\r\nsecret b\r\n\r\n[auth x]\r\ntype = basic\r\n", fileName: "a.env")
        #expect(document.entries().map(\.key) == ["a", "b"])
        #expect(document.entries(in: .init(kind: "auth", name: "x")).map(\.value) == ["basic"])
    }

    /// Found by the environment fuzz target: a comment ending in "\r" was written back before "\n", which
    /// then read as a CRLF break, so the file read differently after it was saved.
    @Test func commentsEndingInCarriageReturnsReadTheSameAfterSaving() throws {
        let document = try EnvironmentDocument(parsing: "# note\r\r\r\na = 1\n# last\r\r", fileName: "a.env")
        #expect(document.lines.first == .comment("# note"))
        #expect(try EnvironmentDocument(parsing: document.rendered(), fileName: "a.env") == document)
    }

    @Test func editsKeepCommentsAndOrder() throws {
        var document = try EnvironmentDocument(parsing: text, fileName: "sandbox.env")
        document.set(.init(key: "username", value: "root"))
        document.set(.init(key: "timeout", value: "5"))
        document.set(.init(key: "scope", value: "read"), in: .init(kind: "auth", name: "basic"))
        document.set(.init(key: "type", value: "oauth2"), in: .init(kind: "auth", name: "o2"))
        let removed = document.remove("auth")
        #expect(removed)
        let lines = document.rendered().split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "# Mautic on the sandbox")
        #expect(lines[2] == "username = root")
        #expect(lines[5] == "timeout = 5")
        #expect(lines.suffix(5) == ["scope = read", "", "[auth o2]", "type = oauth2", ""])
    }

    @Test func errorsNameTheLine() {
        #expect(throws: EnvironmentParseError(file: "e.env", line: 2, message: "expected NAME = VALUE or secret NAME")) {
            try EnvironmentDocument(parsing: "a = 1\nnonsense\n", fileName: "e.env")
        }
        #expect(throws: EnvironmentParseError.self) { try EnvironmentDocument(parsing: "secret pw = hunter2", fileName: "e.env") }
        #expect(throws: EnvironmentParseError.self) { try EnvironmentDocument(parsing: "[auth]", fileName: "e.env") }
    }
}

@Suite struct WorkspaceTests {
    @Test func secretsLiveInThePrivateStateFolderOnly() throws {
        let root = try PackagePaths.temporaryFolder("apish-ws")
        let state = StateFolder(path: root.appendingPathComponent("state").path)
        let workspace = Workspace(root: root.appendingPathComponent("project").path, userState: state)
        var document = EnvironmentDocument()
        document.set(.init(key: "baseUrl", value: "http://127.0.0.1:1"))
        document.set(.init(key: "password", value: "", isSecret: true))
        document.set(.init(key: "token", value: "$APISH_TEST_TOKEN", isSecret: true))
        try workspace.saveEnvironment("dev", document)
        try workspace.setSecret(environment: "dev", name: "password", value: "s3cr3t-pw")

        let resolved = try workspace.variables(environment: "dev", processEnvironment: ["APISH_TEST_TOKEN": "tok-123"])
        #expect(resolved.variables.value(of: "password") == "s3cr3t-pw")
        #expect(resolved.variables.value(of: "token") == "tok-123")
        #expect(resolved.variables.isSecret("password") && !resolved.variables.isSecret("baseUrl"))

        let envFile = try String(contentsOfFile: workspace.environmentPath("dev"), encoding: .utf8)
        #expect(!envFile.contains("s3cr3t-pw"))
        let secretPath = workspace.state.filePath("secrets/dev/password")
        let mode = try FileManager.default.attributesOfItem(atPath: secretPath)[.posixPermissions] as? Int
        #expect(mode == 0o600)

        let missing = try workspace.variables(environment: "dev", processEnvironment: [:])
        #expect(missing.missingSecrets == ["token"])
        #expect(throws: WorkspaceError.invalidName("../x")) { try workspace.loadEnvironment("../x") }
        #expect(throws: WorkspaceError.noSuchEnvironment("nope")) { try workspace.loadEnvironment("nope") }
    }
}

import Foundation
import TestSupport
import Testing

/// Usage errors of the `apish` binary: exit status 1 (Hurl's and the README's), a message that says what
/// was wrong, and never ArgumentParser's 64.
@Suite struct UsageErrorTests {
    let fixture: ShellFixture

    init() throws {
        fixture = try ShellFixture()
    }

    @Test(arguments: [
        ["run", "--no-such-option", "x.hurl"], ["query"], ["frobnicate"], ["sandbox", "--port", "70000"],
        ["--no-such-option"], ["fmt", "a.json", "b.json"], ["import", "postman"],
    ])
    func usageErrorsExitOne(arguments: [String]) throws {
        let result = try fixture.apish(arguments)
        #expect(result.status == 1, "apish \(arguments.joined(separator: " ")): \(result.stderr)")
        #expect(!result.stderr.isEmpty)
    }

    @Test func aWordThatIsNeitherACommandNorAFileSaysSo() throws {
        let unknown = try fixture.apish(["frobnicate"])
        #expect(unknown.stderr.contains("'frobnicate' is neither a command nor a script file"))
        #expect(!unknown.stderr.contains("cannot read script"))
        let typo = try fixture.apish(["sandbx"])
        #expect(typo.status == 1)
        #expect(typo.stderr.contains("did you mean `apish sandbox`?"))
        let missingFile = try fixture.apish(["missing.apish"])
        #expect(missingFile.status == 1)
        #expect(missingFile.stderr.contains("cannot read script 'missing.apish': no such file"))
    }
}

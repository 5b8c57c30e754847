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

    /// A subcommand is parsed by itself when it parses; what does not still reads as `apish SUBCOMMAND`.
    @Test func aSubcommandsErrorsAndHelpNameItUnderApish() throws {
        let unknown = try fixture.apish(["run", "--no-such-option", "x.hurl"])
        #expect(unknown.stderr == """
            Error: Unknown option '--no-such-option'
            Usage: apish run [<options>] [<paths> ...]
              See 'apish run --help' for more information.

            """)
        let invalid = try fixture.apish(["sandbox", "--port", "70000"])
        #expect(invalid.status == 1)
        #expect(invalid.stderr.hasPrefix("Error: --port must be between 0 and 65535.\nUsage: apish sandbox [--host <host>]"))
        let help = try fixture.apish(["fmt", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("USAGE: apish fmt [<file>] [--compact]"))
        let version = try fixture.apish(["run", "--version"])
        #expect(version.status == 0)
        #expect(version.stdout == (try fixture.apish(["--version"])).stdout)
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

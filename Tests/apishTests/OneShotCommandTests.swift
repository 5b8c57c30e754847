import Foundation
import TestSupport
import Testing

/// `apish -c COMMAND…` alone runs without the argument parser; every other shape still goes through it,
/// and both behave the same.
@Suite struct OneShotCommandTests {
    let fixture: ShellFixture

    init() throws {
        fixture = try ShellFixture()
    }

    @Test func commandsRunInOrderAndTheFirstFailureEndsTheRunWithItsCode() throws {
        let both = try fixture.apish(["-c", "echo one", "-c", "echo two"])
        #expect(both.status == 0)
        #expect(both.stdout == "one\ntwo\n")

        let failing = try fixture.apish(["-c", "echo before", "-c", "nosuch", "-c", "echo after"])
        #expect(failing.status == 1)
        #expect(failing.stdout == "before\n")
        #expect(failing.stderr.contains("-c #2: error: unknown command 'nosuch'"))
    }

    @Test func theParsersShapesKeepTheirMeaning() throws {
        let keepGoing = try fixture.apish(["-c", "nosuch", "--keep-going", "-c", "echo after"])
        #expect(keepGoing.status == 1)
        #expect(keepGoing.stdout == "after\n")

        let missingValue = try fixture.apish(["-c"])
        #expect(missingValue.status == 1)
        #expect(missingValue.stderr.contains("Missing value for '-c <COMMAND>'"))

        let optionAsValue = try fixture.apish(["-c", "--no-such-option"])
        #expect(optionAsValue.status == 1)
        #expect(!optionAsValue.stderr.isEmpty)
    }

    @Test func commandsAndAScriptFileTogetherAreAUsageError() throws {
        try fixture.write("echo from the file\n", to: "x.apish")
        let both = try fixture.apish(["-c", "echo a", "x.apish"])
        #expect(both.status == 1)
        #expect(both.stdout.isEmpty)
        #expect(both.stderr.contains("-c commands and a script file ('x.apish') cannot be combined"))
    }
}

import Foundation
import TestSupport
import Testing

/// A header that HTTP cannot carry, typed, written in a Hurl file or imported from curl: one clear error
/// line and an exit status, never a crash of the process.
@Suite struct InvalidHeaderTests {
    let fixture: ShellFixture

    init() throws {
        fixture = try ShellFixture()
    }

    private func expectOneErrorLine(_ result: CommandResult, status: Int32, containing text: String) {
        #expect(!result.signalled, "a signal ended the process: \(result.stderr)")
        #expect(result.status == status, "\(result.stderr)")
        #expect(result.stderr.contains(text), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
    }

    @Test func aTypedHeaderNameOutsideTheTokenCharactersIsAUsageError() throws {
        let result = try fixture.apish(["-c", "GET http://127.0.0.1:1/ Ä:1"])
        expectOneErrorLine(result, status: 1, containing: "'Ä' is not a valid header name")
        let value = try fixture.apish(["-c", "GET http://127.0.0.1:1/ 'X-A:a\rb'"])
        expectOneErrorLine(value, status: 1, containing: "the value of header 'X-A' holds a line break")
    }

    @Test func aHeaderNameFromAVariableIsCheckedBeforeSending() throws {
        let result = try fixture.apish(["-c", "set name = Ä", "-c", "GET http://127.0.0.1:1/ {{name}}:1"])
        expectOneErrorLine(result, status: 3, containing: "cannot send to 127.0.0.1: 'Ä' is not a valid header name")
    }

    @Test func aHurlFileWithOneIsAParseErrorAtItsColumn() throws {
        try fixture.write("GET http://127.0.0.1:1/\nX-Ä: 1\n", to: "bad.hurl")
        let result = try fixture.apish(["run", "bad.hurl"])
        #expect(!result.signalled)
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("error: 'Ä' cannot be part of a header name"), "\(result.stderr)")
        #expect(result.stderr.contains("--> bad.hurl:2:3"), "\(result.stderr)")
    }

    @Test func anImportedCurlCommandWithOneIsRefused() throws {
        let result = try fixture.apish(["import", "curl", "curl -H 'Ä: 1' http://127.0.0.1:1/"])
        expectOneErrorLine(result, status: 2, containing: "curl header: 'Ä' is not a valid header name")
    }
}

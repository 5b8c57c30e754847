import Foundation
import TestSupport
import Testing

/// `apish query` and `apish fmt` given a path that is not a regular file: a pipe has no size to read up to.
@Suite struct PipedInputTests {
    let document = #"{"contacts":[{"id":7},{"id":9}]}"#

    @Test func queryReadsDevStdinFromAPipe() throws {
        let fixture = try ShellFixture()
        let result = try fixture.apish(["query", "$..id", "/dev/stdin"], stdin: document)
        #expect(result.stderr == "")
        #expect(result.status == 0)
        #expect(result.stdout == "[\n  7,\n  9\n]\n")
    }

    @Test func fmtReadsDevStdinFromAPipe() throws {
        let fixture = try ShellFixture()
        let result = try fixture.apish(["fmt", "/dev/stdin"], stdin: document)
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("{\n  \"contacts\": [\n"))
    }
}

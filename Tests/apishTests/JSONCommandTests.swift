import Foundation
import TestSupport
import Testing

/// `apish query` and `apish fmt` as a script calls them: stdin or a file in, JSON out, exit codes.
@Suite struct JSONCommandTests {
    let fixture: ShellFixture
    let document = #"{"contacts":{"7":{"id":7,"email":"a@x.test"},"9":{"id":9,"email":"b@x.test"}},"total":"2","big":12345678901234567890}"#

    init() throws {
        fixture = try ShellFixture()
        try fixture.write(document, to: "contacts.json")
    }

    @Test func queryPrintsNodelistsPathsAndRawValues() throws {
        let all = try fixture.apish(["query", "$..id", "contacts.json"])
        #expect(all.status == 0)
        #expect(all.stdout == "[\n  7,\n  9\n]\n")
        let paths = try fixture.apish(["query", "--paths", "--each", "--raw", ".contacts.*.email"], stdin: document)
        #expect(paths.stdout == "$['contacts']['7']['email']\n$['contacts']['9']['email']\n")
        let raw = try fixture.apish(["query", "--raw", "$.contacts[?@.id > 8].email", "contacts.json"])
        #expect(raw.stdout == "b@x.test\n")
    }

    @Test func fmtKeepsOrderAndNumbers() throws {
        let result = try fixture.apish(["fmt"], stdin: document)
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("{\n  \"contacts\": {\n    \"7\": {"))
        #expect(result.stdout.contains("\"big\": 12345678901234567890\n"))
    }

    /// A regular file is mapped rather than read; what comes out must not depend on that.
    @Test func fmtReadsAFileAsItReadsStandardInput() throws {
        let fromStandardInput = try fixture.apish(["fmt", "--compact"], stdin: document)
        let fromFile = try fixture.apish(["fmt", "--compact", "contacts.json"])
        #expect(fromFile.status == 0)
        #expect(fromFile.stdout == fromStandardInput.stdout)
        #expect(fromFile.stdout == document + "\n")

        try fixture.write("{\"a\": 1,\n \"b\": }", to: "broken.json")
        let broken = try fixture.apish(["fmt", "broken.json"])
        #expect(broken.status == 2)
        #expect(broken.stdout.isEmpty)
        #expect(broken.stderr.hasPrefix("apish fmt: broken.json:2:7: invalid JSON: unexpected character '}'"), "\(broken.stderr)")

        try fixture.write("", to: "empty.json")
        let empty = try fixture.apish(["fmt", "empty.json"])
        #expect(empty.status == 2)
        #expect(empty.stderr.contains("empty.json:1:1: invalid JSON: unexpected end of input"), "\(empty.stderr)")

        // Standard input redirected from a file whose first line another program has already read.
        try fixture.write("not JSON\n{\"a\": [1, 2]}", to: "after-a-line.json")
        let rest = try Command.run(
            URL(fileURLWithPath: "/bin/sh"), ["-c", #"{ read -r skipped; "$0" fmt --compact; } < after-a-line.json"#, PackagePaths.apishBinary.path],
            environment: fixture.environment, currentDirectory: fixture.workspace)
        #expect(rest.stdout == "{\"a\":[1,2]}\n", "\(rest.stderr)")

        let directory = try fixture.apish(["fmt", "."])
        #expect(directory.status == 3)
        #expect(directory.stderr == "apish fmt: cannot read .: is a directory\n")
    }

    @Test func badInputExitsTwoWithAPosition() throws {
        let query = try fixture.apish(["query", "$.contacts[?@.id >]", "contacts.json"])
        #expect(query.status == 2)
        #expect(query.stderr.contains("^"))
        let rejectedByRFC9535 = try fixture.apish(["query", "$.contacts.7", "contacts.json"])
        #expect(rejectedByRFC9535.status == 2)
        #expect(rejectedByRFC9535.stdout.isEmpty)
        let json = try fixture.apish(["fmt"], stdin: "{\"a\": 1,\n \"b\": }")
        #expect(json.status == 2)
        #expect(json.stderr.contains(":2:"))
        let missing = try fixture.apish(["fmt", "nowhere.json"])
        #expect(missing.status == 3)
    }
}

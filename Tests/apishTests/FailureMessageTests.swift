import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Failures said in one line that names the file or the address and the cause, not in the words of the
/// libraries underneath.
@Suite struct FailureMessageTests {
    let fixture: ShellFixture

    init() throws {
        fixture = try ShellFixture()
    }

    @Test func aMissingCredentialsFileIsNamed() throws {
        let missing = fixture.root.appendingPathComponent("missing.json").path
        let result = try fixture.apish(["sandbox", "--port", "0", "--creds", missing])
        #expect(result.status == 1)
        #expect(result.stderr == "apish sandbox: cannot read \(missing): no such file\n")
    }

    @Test func anInvalidCredentialsFileSaysWhere() throws {
        try fixture.write(#"{"users": [{"id": 1}]}"#, to: "creds.json")
        let result = try fixture.apish(["sandbox", "--port", "0", "--creds", "creds.json"])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("apish sandbox: creds.json is not a credentials file: at .users[0]: \"username\" is missing"), "\(result.stderr)")
    }

    @Test func aPortInUseIsSaidSo() throws {
        let (port, socket) = FreePort.occupy()
        defer { close(socket) }
        let result = try fixture.apish(["sandbox", "--port", "\(port)"])
        #expect(result.status == 1)
        #expect(result.stderr == "apish sandbox: cannot listen on 127.0.0.1:\(port): address already in use\n")
    }

    @Test func aFileThatCannotBeReadIsNotCalledUnwritable() throws {
        let result = try fixture.apish(["-c", "POST http://127.0.0.1:1/ note=@missing.txt"])
        #expect(result.status == 3)
        #expect(result.stderr.contains("cannot read 'missing.txt': no such file"), "\(result.stderr)")
        #expect(!result.stderr.contains("cannot write"))
    }
}

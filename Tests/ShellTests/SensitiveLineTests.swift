import Foundation
import Shell
import TestSupport
import Testing
import Workspace

/// Which typed lines stay out of the history file, in-process: the end-to-end check is
/// `SecretLeakTests`, through a terminal.
@Suite struct SensitiveLineTests {
    private func session() throws -> ShellSession {
        let folder = try PackagePaths.temporaryFolder("apish-sensitive")
        let workspace = Workspace(root: folder.path, userState: StateFolder(path: folder.appendingPathComponent("state").path))
        return ShellSession(workspace: workspace, output: BufferedOutput(), interactive: false, processEnvironment: [:])
    }

    @Test func credentialItemsAndPasswordsAreSensitive() throws {
        let session = try session()
        #expect(session.carriesSecret("GET /x token==t0k"))
        #expect(session.carriesSecret("GET /x X-Api-Key:k3y"))
        #expect(session.carriesSecret("GET https://bob:pw@h.test/"))
        #expect(!session.carriesSecret("GET /x limit==5 Accept:application/json"))
    }

    /// A combining mark after `=` or `:` joined the separator into one Character, so the item was not
    /// recognised and the line, secret and all, went to the history file.
    @Test func aCombiningMarkAfterTheSeparatorDoesNotHideTheCredential() throws {
        let session = try session()
        #expect(session.carriesSecret("GET /x token==\u{301}t0k"))
        #expect(session.carriesSecret("GET /x X-Api-Key:\u{301}k3y"))
        #expect(session.carriesSecret("GET /x password=\u{301}pw"))
        #expect(session.carriesSecret("GET https://bob:pw@\u{301}h.test/"))
    }
}

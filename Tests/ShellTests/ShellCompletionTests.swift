import Foundation
import Testing
import TestSupport
@testable import LineEditor
@testable import Shell
import Workspace

@Suite struct ShellCompletionTests {
    let session: ShellSession

    init() throws {
        let folder = try PackagePaths.temporaryFolder("apish-completion")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("environments"), withIntermediateDirectories: true)
        try "baseUrl = http://127.0.0.1:1\nauth = admin\n[auth admin]\ntype = basic\nusername = admin\n[auth api]\ntype = bearer\n"
            .write(to: folder.appendingPathComponent("environments/local.env"), atomically: true, encoding: .utf8)
        let workspace = Workspace(root: folder.path, userState: StateFolder(path: folder.appendingPathComponent("state").path))
        session = ShellSession(workspace: workspace, output: BufferedOutput(), interactive: true, processEnvironment: [:])
        try session.selectEnvironment("local")
    }

    private func complete(_ line: String) -> [String] {
        ShellCompleter(session: session).candidates(for: CompletionContext(line: line))
    }

    @Test func authAndTraceOfferTheirSubcommands() {
        #expect(complete("auth ").contains("login"))
        #expect(complete("auth lo") == ["login", "logout"])
        #expect(complete("trace ") == ["on", "off", "reveal"])
        #expect(complete("auth oauth2 ") == ["login", "logout", "explain", "show"])
    }

    @Test func profileNamesFollowTheSubcommandsAndFlagsThatTakeOne() {
        #expect(complete("auth login ") == ["admin", "api"])
        #expect(complete("auth use ") == ["admin", "api", "none"])
        #expect(complete("auth show ad") == ["admin"])
        #expect(complete("GET /x --auth ") == ["admin", "api", "none"])
        #expect(complete("GET /x -A a") == ["admin", "api"])
    }

    @Test func requestFlagsFollowTwoDashes() throws {
        #expect(complete("GET /x --").contains("--verbose"))
        #expect(complete("GET /x --no") == ["--no-follow"])
        #expect(complete("q --").isEmpty)
        for flag in ShellCompleter.requestFlags {
            var words = ["GET", "/x", flag, "1"]
            #expect(throws: Never.self, "\(flag)") { _ = try RequestOptions.extract(from: &words) }
        }
    }
}

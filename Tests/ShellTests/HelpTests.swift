import Foundation
import Shell
import TestSupport
import Testing
import Workspace

/// `help NAME` for every command the shell lists, run in-process.
@Suite struct HelpTests {
    let folder: URL

    init() throws {
        folder = try PackagePaths.temporaryFolder("apish-help")
    }

    private func help(_ name: String) async -> (output: BufferedOutput, error: ShellError?) {
        let workspace = Workspace(root: folder.path, userState: StateFolder(path: folder.appendingPathComponent("state").path))
        let output = BufferedOutput()
        let session = ShellSession(workspace: workspace, output: output, interactive: false, processEnvironment: [:])
        do throws(ShellError) {
            try await session.run("help \(name)")
            return (output, nil)
        } catch {
            return (output, error)
        }
    }

    @Test func everyCommandAndAliasExplainsItself() async {
        for command in ShellSession.commands {
            for name in [command.name] + command.aliases {
                let (output, error) = await help(name)
                #expect(error == nil, "help \(name)")
                #expect(output.text.hasPrefix(command.usage + "\n"), "help \(name) printed: \(output.text.prefix(80))")
            }
        }
    }

    @Test(arguments: ["GET", "PURGE", "request"]) func aMethodAsTypedExplainsRequests(name: String) async {
        let (output, _) = await help(name)
        #expect(output.text.hasPrefix("METHOD URL"))
    }

    @Test func anUnknownNameIsAUsageErrorWithASuggestion() async {
        #expect(await help("nosuch").error == .usage("no command 'nosuch' (`help` lists commands)"))
        #expect(await help("sav").error == .usage("no command 'sav' — did you mean `save`?"))
    }
}

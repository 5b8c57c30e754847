import ArgumentParser
import Foundation
import HTTPExchange
import Shell
import Transport
import Workspace

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@main
struct Apish: AsyncParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "apish",
        abstract: "An API exploration shell: compose requests, query JSON, replay collections as tests.",
        version: version,
        subcommands: [
            ShellEntryCommand.self, RunCommand.self, DemoCommand.self, SandboxCommand.self, QueryCommand.self,
            FmtCommand.self, ImportCommand.self, ExportCommand.self, ReportCommand.self, OpenAPICommand.self, TutorialCommand.self,
            ValidateCommand.self, JWTCommand.self,
        ],
        defaultSubcommand: ShellEntryCommand.self
    )

    /// ArgumentParser's own entry point, except that a usage error exits 1, Hurl's code and the one
    /// every apish command documents, instead of ArgumentParser's 64, that `-c` commands alone
    /// (`OneShotCommands`) run without it, and that a subcommand is parsed by itself when it can be.
    static func main() async {
        if let commands = OneShotCommands.recognize(CommandLine.arguments.dropFirst()) {
            HTTPTransport.useOneEventLoop()
            Foundation.exit(await ShellEntryCommand.runScript(.commands(commands), environment: nil, keepGoing: false))
        }
        do {
            var command = try parsedCommand(CommandLine.arguments.dropFirst())
            if var command = command as? any AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch {
            guard exitCode(for: error) == .validationFailure else { exit(withError: error) }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(1)
        }
    }

    /// The parse from the root, except for `apish SUBCOMMAND ARGUMENTS…` with a subcommand that has
    /// no subcommands of its own: that is parsed by ArgumentParser as the subcommand alone. From the
    /// root, the parse also reflects the root, its default subcommand and the subcommand's arguments
    /// twice more (looking for pass-through arguments) before parsing them, a ninth of the
    /// instructions of an `apish run` of one entry. What the subcommand alone does not parse into
    /// itself (a usage error, --help, --version, a completion script request) goes to the parse from
    /// the root, so messages and usage lines are the same as ever.
    static func parsedCommand(_ arguments: ArraySlice<String>) throws -> sending any ParsableCommand {
        if let name = arguments.first,
            let subcommand = configuration.subcommands.first(where: { $0.configuration.commandName == name }),
            subcommand.configuration.subcommands.isEmpty,
            let command = try? subcommand.parseAsRoot(Array(arguments.dropFirst())),
            type(of: command) == subcommand
        {
            return command
        }
        return try parseAsRoot(Array(arguments))
    }

    static var subcommandNames: [String] {
        configuration.subcommands.compactMap { $0.configuration.commandName }
    }
}

/// `apish`, `apish FILE`, `apish -c COMMAND`: the shell, a script, or single commands.
struct ShellEntryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shell",
        abstract: "Open the shell, or run shell commands from a file, standard input or -c (the default).",
        discussion: """
            With no arguments on a terminal, apish opens the shell; `help` there lists its commands.
            Commands also run from a file (apish FILE.apish), from standard input, or with -c.
            A script stops at the first failed command with its exit code: 1 usage, 2 parse error,
            3 runtime error (network, files), 4 failed expectation — unless --keep-going.
            """
    )

    @Option(name: .customShort("c"), help: ArgumentHelp("Run one shell command (repeatable).", valueName: "COMMAND"))
    var commands: [String] = []

    @Option(name: .long, help: "Use this environment for this run.")
    var env: String?

    @Flag(name: .long, help: "Carry on after a failed command; exit with the first failure's code.")
    var keepGoing = false

    @Argument(help: "A file of shell commands, one per line (# comments).")
    var script: String?

    func validate() throws {
        if !commands.isEmpty, let script {
            throw ValidationError("-c commands and a script file ('\(script)') cannot be combined: give one or the other")
        }
    }

    mutating func run() async throws {
        HTTPTransport.useOneEventLoop()
        if commands.isEmpty, script == nil, isatty(STDIN_FILENO) == 1 {
            let code = await InteractiveShell.run(workspace: .current(), output: StandardOutput(), environment: env)
            throw ExitCode(code)
        }
        let source: ScriptSource
        if !commands.isEmpty {
            source = .commands(commands)
        } else if let script {
            guard let data = FileManager.default.contents(atPath: script) else {
                throw ValidationError(Self.unreadable(script))
            }
            source = .text(String(decoding: data, as: UTF8.self), name: script)
        } else {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            source = .text(String(decoding: data, as: UTF8.self), name: "<stdin>")
        }
        let code = await Self.runScript(source, environment: env, keepGoing: keepGoing)
        if code != 0 { throw ExitCode(code) }
    }

    /// Runs shell commands without a person; the exit code is the first failure's, or 0.
    static func runScript(_ source: ScriptSource, environment: String?, keepGoing: Bool) async -> Int32 {
        await ScriptRunner.run(source, workspace: .current(), output: StandardOutput(), environment: environment, keepGoing: keepGoing)
    }

    /// Why `script` cannot run; a bare word that is no file was more likely meant as a command.
    static func unreadable(_ script: String) -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: script, isDirectory: &isDirectory) else {
            guard script.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
                return "cannot read script '\(script)': no such file"
            }
            let hint = EditDistance.closest(to: script, among: Apish.subcommandNames).map { " — did you mean `apish \($0)`?" }
            return "'\(script)' is neither a command nor a script file" + (hint ?? " (`apish --help` lists the commands)")
        }
        return "cannot read script '\(script)': " + (isDirectory.boolValue ? "is a directory" : "permission denied")
    }
}

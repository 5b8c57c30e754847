import ArgumentParser
import Foundation
import HTTPExchange
import Pipeline
import Runner
import Transport
import Workspace

/// `apish run`: replays Hurl collections as tests, with Hurl's exit codes and reports.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Replay Hurl collections as tests.",
        discussion: """
            Runs each .hurl file (folders are searched for *.hurl) entry by entry: captures flow to later \
            entries, asserts are checked, and a failed entry stops its file. Progress and failures go to \
            standard error; the summary goes to standard output and ends with the line 'N passed, M failed'.

            Exit status: 0 all passed, 1 usage error, 2 a file does not parse, 3 a runtime error \
            (unknown variable, unreachable server...), 4 an assert failed.
            """
    )

    @Argument(help: "Hurl files, or folders of them.")
    var paths: [String]

    @Option(help: "The environment to run with: its variables, base URL, secrets and auth profiles.")
    var env: String?

    @Option(name: .customLong("variable"), help: ArgumentHelp("A variable for every file (repeatable); values are typed like Hurl's: 42, true, null or text.", valueName: "name=value"))
    var variables: [String] = []

    @Option(help: ArgumentHelp("A file of name=value lines (# starts a comment); repeatable, the files merge and a name defined twice is an error.", valueName: "file"))
    var variablesFile: [String] = []

    @Option(help: ArgumentHelp("Write a JUnit XML report.", valueName: "file"))
    var reportJunit: String?

    @Option(help: ArgumentHelp("Write a TAP report.", valueName: "file"))
    var reportTap: String?

    @Option(help: ArgumentHelp("Write the JSON report (its fields are documented and stable).", valueName: "file"))
    var reportJson: String?

    @Option(help: "Files run at once.")
    var jobs = 1

    @Flag(help: "Start no more files once one has failed.")
    var failFast = false

    @Flag(help: "Print each request and the status of its response.")
    var verbose = false

    @Option(help: ArgumentHelp("An auth profile of --env for the entries that name none and carry no Authorization header.", valueName: "name"))
    var auth: String?

    @Option(name: [.customShort("u"), .customLong("user")], help: ArgumentHelp("Basic auth for every entry; an entry's [BasicAuth], URL userinfo or 'user' option wins.", valueName: "user:password"))
    var user: String?

    @Flag(help: "Accept any TLS certificate (for self-signed test servers).")
    var insecure = false

    @Flag(help: "Follow redirects (an entry's 'location' option wins).")
    var location = false

    func run() async throws {
        var configuration = try makeConfiguration()
        let cookieJar = CookieJar()
        let transport = HTTPTransport(cookieJar: cookieJar)
        configuration.cookieJar = cookieJar
        if let env {
            do {
                let workspace = Workspace.current()
                let environment = try workspace.variables(environment: env)
                let registry = AuthRegistry(workspace: workspace, sender: transport, processEnvironment: ProcessInfo.processInfo.environment)
                RunEnvironment.apply(environment, variables: environment.variables, registry: registry, authProfile: auth, to: &configuration)
            } catch {
                Self.printError("apish run: \(error)")
                throw ExitCode(RunExitCode.usage.rawValue)
            }
        } else if let auth {
            Self.printError("apish run: --auth \(auth) needs --env: auth profiles belong to an environment")
            throw ExitCode(RunExitCode.usage.rawValue)
        }
        let files: [String]
        do {
            files = try HurlFileCollector.collect(paths)
        } catch {
            Self.printError("apish run: \(error.message)")
            throw ExitCode(RunExitCode.usage.rawValue)
        }
        guard !files.isEmpty else {
            Self.printError("apish run: no .hurl files in \(paths.joined(separator: " "))")
            throw ExitCode(RunExitCode.usage.rawValue)
        }

        let runner = HurlRunner(transport: transport, configuration: configuration)
        let verbose = verbose
        let result = await runner.run(paths: files) { file in
            if verbose {
                for entry in file.entries {
                    let status = entry.response.map { "\($0.version) \($0.status)" } ?? (entry.skipped ? "skipped" : "no response")
                    Self.printError("* \(file.fileName):\(entry.line) \(entry.method) \(entry.url) -> \(status) (\(entry.duration))")
                }
            }
            for warning in file.warnings { Self.printError(warning.description) }
            Self.printError(TextReport.failures(file) + TextReport.progressLine(file))
        }
        await transport.shutdown()

        try writeReport(reportJunit, JUnitReport.xml(result))
        try writeReport(reportTap, TAPReport.text(result))
        try writeReport(reportJson, JSONReport.json(result))
        FileHandle.standardOutput.write(Data(TextReport.summary(result).utf8))
        if result.exitCode != .success { throw ExitCode(result.exitCode.rawValue) }
    }

    /// The configuration the options describe, before any environment is applied.
    func makeConfiguration() throws -> RunConfiguration {
        var fromFiles: [String: RunValue] = [:]
        var definedAt: [String: String] = [:]
        for file in variablesFile {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
                Self.printError("apish run: cannot read \(file)")
                throw ExitCode(RunExitCode.usage.rawValue)
            }
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { continue }
                let origin = "\(file):\(number + 1)"
                let (name, value) = try Self.variable(trimmed, origin: origin)
                if let first = definedAt[name] {
                    Self.printError("apish run: \(origin): variable '\(name)' is already defined at \(first)")
                    throw ExitCode(RunExitCode.usage.rawValue)
                }
                definedAt[name] = origin
                fromFiles[name] = value
            }
        }
        // As in Hurl, --variable wins over the files.
        var values = fromFiles
        for variable in variables {
            let (name, value) = try Self.variable(variable, origin: "--variable")
            values[name] = value
        }
        guard jobs >= 1 else {
            Self.printError("apish run: --jobs must be at least 1")
            throw ExitCode(RunExitCode.usage.rawValue)
        }
        var configuration = RunConfiguration(variables: values, followRedirects: location, insecure: insecure, jobs: jobs, failFast: failFast)
        configuration.user = user
        return configuration
    }

    private static func variable(_ text: String, origin: String) throws -> (String, RunValue) {
        guard let equals = text.firstIndex(of: "="), equals != text.startIndex else {
            printError("apish run: \(origin): expected name=value, got '\(text)'")
            throw ExitCode(RunExitCode.usage.rawValue)
        }
        return (String(text[..<equals]), RunValue.inferred(from: String(text[text.index(after: equals)...])))
    }

    private func writeReport(_ path: String?, _ text: String) throws {
        guard let path else { return }
        do {
            let url = URL(fileURLWithPath: path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            Self.printError("apish run: cannot write \(path): \(error.localizedDescription)")
            throw ExitCode(RunExitCode.runtimeError.rawValue)
        }
    }

    static func printError(_ text: String) {
        guard !text.isEmpty else { return }
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }
}

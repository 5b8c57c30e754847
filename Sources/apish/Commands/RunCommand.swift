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

            Variables, lowest first: the environment's (--env), HURL_name and then HURL_VARIABLE_name \
            environment variables, --variables-file, --variable; --secret and HURL_SECRET_name give masked ones.

            Exit status: 0 all passed, 1 usage error, 2 a file does not parse, 3 a runtime error \
            (unknown variable, unreachable server...), 4 an assert failed.
            """
    )

    @Argument(help: "Hurl files, or folders of them.")
    var paths: [String] = []

    @Option(help: ArgumentHelp("Also run the files matching a glob pattern (repeatable; quote it): *, ?, [abc], and ** for any folders.", valueName: "pattern"))
    var glob: [String] = []

    @Flag(help: "Accepted as in Hurl: apish run always runs as tests.")
    var test = false

    @Option(name: .customLong("repeat"), help: ArgumentHelp("Run the sequence of files N times.", valueName: "N"))
    var repetitions = 1

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

    @Option(help: ArgumentHelp("Write an HTML page of the run to <dir>/index.html: a summary, links to the failures, each entry with its asserts.", valueName: "dir"))
    var reportHtml: String?

    @Option(help: "Files run at once.")
    var jobs = 1

    @Flag(help: "Start no more files once one has failed.")
    var failFast = false

    @Flag(help: "Run a file's entries to its end even after one failed.")
    var continueOnError = false

    @Option(help: ArgumentHelp("Retry a failed entry up to N times (-1: up to 100); an entry's 'retry' option wins.", valueName: "N"))
    var retry = 0

    @Option(help: ArgumentHelp("The wait between retries: 500 (milliseconds), 500ms, 2s.", valueName: "duration"))
    var retryInterval = "1000"

    @Option(name: [.customShort("m"), .customLong("max-time")], help: ArgumentHelp("The longest a request may take: 30 (seconds), 30s, 500ms; an entry's 'max-time' option wins.", valueName: "duration"))
    var maxTime: String?

    @Option(help: ArgumentHelp("The longest connecting may take (default 10s): 5 (seconds), 5s, 500ms.", valueName: "duration"))
    var connectTimeout: String?

    @Option(help: ArgumentHelp("How long a response may stay silent before it is given up (default 30s): 60 (seconds), 60s.", valueName: "duration"))
    var idleTimeout: String?

    @Option(help: ArgumentHelp("The largest response body kept, decompressed (default 100M): 500K, 200M, 2G.", valueName: "size"))
    var maxSize: String?

    @Option(help: ArgumentHelp("A variable whose value is masked in every output and report (repeatable).", valueName: "name=value"))
    var secret: [String] = []

    @Option(help: ArgumentHelp("Run only part K of N of the files, chosen by a hash of each path, for a CI matrix; 'apish report merge' joins the parts' JUnit reports.", valueName: "K/N"))
    var shard: String?

    @Option(help: ArgumentHelp("Run every file once per row of a CSV file (its header row names the variables) or a JSON array of objects.", valueName: "file"))
    var data: String?

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

    @Option(help: ArgumentHelp("Check every response an operation of this OpenAPI description matches: a documented status and content type, a body its schema accepts; a mismatch fails like an assert.", valueName: "file|url"))
    var openapi: String?

    func run() async throws {
        var configuration = try makeConfiguration()
        let cookieJar = CookieJar()
        let transport = HTTPTransport(cookieJar: cookieJar)
        configuration.cookieJar = cookieJar
        configuration.executors = HTTPTransport.eventLoopExecutors
        configuration.keepsPassedEntries = [reportJunit, reportTap, reportJson, reportHtml].contains { $0 != nil }
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
        if let openapi {
            configuration.openAPI = try await OpenAPILoading.load(openapi, command: "run")
        }
        guard !paths.isEmpty || !glob.isEmpty else {
            Self.printError("apish run: name Hurl files or folders, or give --glob PATTERN")
            throw ExitCode(RunExitCode.usage.rawValue)
        }
        var files: [String]
        do {
            files = try HurlFileCollector.collect(paths)
            for pattern in glob { files += try GlobPattern(pattern).files() }
        } catch {
            Self.printError("apish run: \(error.message)")
            throw ExitCode(RunExitCode.usage.rawValue)
        }
        guard !files.isEmpty else {
            Self.printError("apish run: no .hurl files in \((paths + glob).joined(separator: " "))")
            throw ExitCode(RunExitCode.usage.rawValue)
        }
        if let shard {
            do {
                files = files.filter(try Shard(shard).contains)
            } catch {
                Self.printError("apish run: \(error.message)")
                throw ExitCode(RunExitCode.usage.rawValue)
            }
        }
        files = Array(Array(repeating: files, count: repetitions).joined())

        let runner = HurlRunner(transport: transport, configuration: configuration)
        let verbose = verbose
        let result = await runner.run(paths: files, onFileFinished: { file in
            for warning in file.warnings { Self.printError(warning.description) }
            Self.printError(TextReport.failures(file) + TextReport.progressLine(file))
        }, onEntryFinished: { entry in
            guard verbose else { return }
            let status = entry.response.map { "\($0.version) \($0.status)" } ?? (entry.skipped ? "skipped" : "no response")
            Self.printError("* \(entry.fileName):\(entry.line) \(entry.method) \(entry.url) -> \(status) (\(entry.duration))")
        })
        await transport.shutdown()

        try writeReport(reportJunit) { JUnitReport.write(result, to: &$0) }
        try writeReport(reportTap) { TAPReport.write(result, to: &$0) }
        try writeReport(reportJson) { JSONReport.write(result, to: &$0) }
        if let reportHtml {
            let date = Date()
            try writeReport(URL(fileURLWithPath: reportHtml).appendingPathComponent("index.html").path) { HTMLReport.write(result, date: date, to: &$0) }
        }
        FileHandle.standardOutput.write(Data(TextReport.summary(result).utf8))
        if result.exitCode != .success { throw ExitCode(result.exitCode.rawValue) }
    }

    /// The configuration the options describe, before any environment is applied.
    func makeConfiguration(processEnvironment: [String: String] = ProcessInfo.processInfo.environment) throws -> RunConfiguration {
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
        let hurlEnvironment = Self.hurlVariables(processEnvironment)
        // As in Hurl: the environment's HURL_ variables, then the files, then --variable.
        var values = hurlEnvironment.variables.merging(fromFiles) { $1 }
        var given = Set(fromFiles.keys)
        for variable in variables {
            let (name, value) = try Self.variable(variable, origin: "--variable")
            values[name] = value
            given.insert(name)
        }
        var secretNames: Set<String> = []
        for (name, value) in hurlEnvironment.secrets {
            values[name] = .string(value)
            secretNames.insert(name)
        }
        for text in secret {
            let (name, _) = try Self.variable(text, origin: "--secret")
            if given.contains(name) {
                Self.printError("apish run: secret '\(name)' is also given by --variable or --variables-file")
                throw ExitCode(RunExitCode.usage.rawValue)
            }
            // A secret is text as given, never typed: `--secret pin=0042` keeps its zeros.
            values[name] = .string(String(text.drop { $0 != "=" }.dropFirst()))
            secretNames.insert(name)
        }
        guard jobs >= 1, repetitions >= 1 else {
            Self.printError("apish run: --jobs and --repeat must be at least 1")
            throw ExitCode(RunExitCode.usage.rawValue)
        }
        var configuration = RunConfiguration(
            variables: values, secretNames: secretNames, followRedirects: location, insecure: insecure,
            connectTimeout: try Self.duration(connectTimeout, option: "--connect-timeout", defaultUnit: .seconds(1)) ?? .seconds(10),
            timeout: try Self.duration(maxTime, option: "--max-time", defaultUnit: .seconds(1)),
            jobs: jobs, failFast: failFast, continueOnError: continueOnError)
        configuration.user = user
        if let idle = try Self.duration(idleTimeout, option: "--idle-timeout", defaultUnit: .seconds(1)) { configuration.idleTimeout = idle }
        if let maxSize {
            guard let size = SendOptions.byteCount(maxSize) else {
                Self.printError("apish run: --max-size takes a size such as 500K, 200M or 2G, not '\(maxSize)'")
                throw ExitCode(RunExitCode.usage.rawValue)
            }
            configuration.maxBodySize = size
        }
        configuration.retry = retry < 0 ? 100 : retry
        configuration.retryInterval = try Self.duration(retryInterval, option: "--retry-interval", defaultUnit: .milliseconds(1)) ?? .milliseconds(1000)
        if let data {
            do {
                configuration.dataRows = try DataRows.read(data)
            } catch {
                Self.printError("apish run: \(error.message)")
                throw ExitCode(RunExitCode.usage.rawValue)
            }
        }
        return configuration
    }

    /// `HURL_VARIABLE_name` (and Hurl's older `HURL_name`) give variables, `HURL_SECRET_name` secrets.
    static func hurlVariables(_ environment: [String: String]) -> (variables: [String: RunValue], secrets: [String: String]) {
        var legacy: [String: RunValue] = [:]
        var variables: [String: RunValue] = [:]
        var secrets: [String: String] = [:]
        for (key, value) in environment where key.hasPrefix("HURL_") {
            let name = key.dropFirst("HURL_".count)
            if name.hasPrefix("VARIABLE_") {
                variables[String(name.dropFirst("VARIABLE_".count))] = RunValue.inferred(from: value)
            } else if name.hasPrefix("SECRET_") {
                secrets[String(name.dropFirst("SECRET_".count))] = value
            } else if !name.isEmpty {
                legacy[String(name)] = RunValue.inferred(from: value)
            }
        }
        return (legacy.merging(variables) { $1 }, secrets)
    }

    private static func duration(_ text: String?, option: String, defaultUnit: Duration) throws -> Duration? {
        guard let text else { return nil }
        guard let duration = RunConfiguration.duration(text, defaultUnit: defaultUnit) else {
            printError("apish run: \(option) expects a duration such as 10, 10s or 500ms, got '\(text)'")
            throw ExitCode(RunExitCode.usage.rawValue)
        }
        return duration
    }

    private static func variable(_ text: String, origin: String) throws -> (String, RunValue) {
        guard let equals = text.firstIndex(of: "="), equals != text.startIndex else {
            printError("apish run: \(origin): expected name=value, got '\(text)'")
            throw ExitCode(RunExitCode.usage.rawValue)
        }
        return (String(text[..<equals]), RunValue.inferred(from: String(text[text.index(after: equals)...])))
    }

    /// Writes a report as it is produced, so a long run's report is never held whole.
    private func writeReport(_ path: String?, _ write: (inout AtomicTextStream) -> Void) throws {
        guard let path else { return }
        do throws(FileError) {
            var output = try AtomicTextStream(path: path)
            write(&output)
            try output.finish()
        } catch {
            Self.printError("apish run: cannot write \(path): \(error.reason)")
            throw ExitCode(RunExitCode.runtimeError.rawValue)
        }
    }

    static func printError(_ text: String) {
        guard !text.isEmpty else { return }
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }
}

import Auth
import Foundation
import HTTPExchange
import JSON
import Pipeline
import Transport
import Workspace

/// The state of one shell: the workspace and environment in use, variables set in this run, the
/// numbered exchanges, and the connections. Interactive shells, script files, stdin and `-c` all
/// run their lines through `run(_:)`, so they behave the same.
public final class ShellSession: @unchecked Sendable {
    public let workspace: Workspace
    public let output: ShellOutput
    /// True for a person at a terminal: long bodies are paged, the prompt is shown.
    public let interactive: Bool
    public private(set) var environmentName: String?
    /// `set NAME = value`: above the environment's variables, for this run only.
    public var sessionVariables: [String: String] = [:]
    public internal(set) var exchanges: [ExchangeRecord] = []
    public var traceEnabled = false
    public var traceReveal = false
    public private(set) var shouldExit = false
    /// `openapi load`: the description used instead of the environment's `openapi` variable.
    public var openAPIOverride: OpenAPISource?
    /// `apish tutorial`: judges each line run and leads on to the next step.
    public var tutor: Tutor?
    let processEnvironment: [String: String]
    private var transports: [String: HTTPTransport] = [:]
    private var cookieJars: [String: CookieJar] = [:]
    /// The persistent cookies last read from or written to each cookie file, as encoded there: an
    /// unchanged jar is not written again (each write is a synced file).
    private var storedCookies: [String: Data] = [:]
    /// Origins already told that the default profile's credentials were withheld from them.
    private var withheldOrigins: Set<String> = []

    public init(
        workspace: Workspace, output: ShellOutput, interactive: Bool,
        processEnvironment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        self.workspace = workspace
        self.output = output
        self.interactive = interactive
        self.processEnvironment = processEnvironment
        let current = workspace.currentEnvironment
        self.environmentName = current.flatMap { workspace.environmentExists($0) ? $0 : nil }
    }

    public static let commands: [ShellCommand] = RequestCommand.all + VariableCommands.all + QueryCommands.all + SchemaCommands.all
        + EnvironmentCommands.all + AuthCommands.all + CollectionCommands.all + OpenAPICommands.all + ShowCommands.all
        + GeneralCommands.all

    /// Runs one command line (possibly several physical lines: a heredoc or a pasted body).
    public func run(_ text: String) async throws(ShellError) {
        let trimmed = text.drop { $0 == " " || $0 == "\t" }
        guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { return }
        let exchangesBefore = exchanges.count
        defer { tutor?.observe(line: String(trimmed), exchanges: Array(exchanges[exchangesBefore...]), session: self) }
        let firstLine = trimmed.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? ""
        let head = firstLine.split(separator: " ", maxSplits: 1).first.map(String.init) ?? ""
        if RequestCommand.isMethod(head) {
            try await RequestCommand.run(session: self, text: String(trimmed))
            return
        }
        let words = try CommandTokenizer.split(firstLine)
        guard let name = words.first else { return }
        guard let command = Self.command(named: name) else {
            let names = Self.commands.flatMap { [$0.name] + $0.aliases }
            let hint = EditDistance.closest(to: name, among: names).map { " — did you mean `\($0)`?" } ?? ""
            throw .usage("unknown command '\(name)'\(hint) (`help` lists commands)")
        }
        try await command.run(self, Array(words.dropFirst()), String(trimmed))
    }

    static func command(named name: String) -> ShellCommand? {
        commands.first { $0.name == name || $0.aliases.contains(name) }
    }

    public func requestExit() { shouldExit = true }

    // MARK: Environment and variables

    /// Switches environment and remembers the choice for the next run (`env use`).
    public func useEnvironment(_ name: String?) throws(ShellError) {
        try selectEnvironment(name)
        do { try workspace.setCurrentEnvironment(name) } catch { throw .runtime("\(error)") }
    }

    /// Switches environment for this run only (`--env NAME`).
    public func selectEnvironment(_ name: String?) throws(ShellError) {
        if let name {
            guard workspace.environmentExists(name) else { throw .usage(WorkspaceError.noSuchEnvironment(name).description) }
        }
        environmentName = name
    }

    /// Asks for a secret without echo when a person is there; scripts must pass values explicitly.
    public var secretReader: (@Sendable (String) -> String?)?
    /// Asks a question whose answer may be seen (a pasted redirect URL, a verifier).
    public var lineReader: (@Sendable (String) -> String?)?
    /// Waits for one key at the terminal (`auth login --step`); nil where nobody presses one (scripts).
    public var keyReader: (@Sendable (String) async -> UInt8?)?

    func askSecret(_ prompt: String) async -> String? {
        secretReader?(prompt)
    }

    public func resolvedEnvironment() throws(ShellError) -> ResolvedEnvironment? {
        guard let environmentName else { return nil }
        do {
            return try workspace.variables(environment: environmentName, processEnvironment: processEnvironment)
        } catch {
            throw .parse("\(error)")
        }
    }

    /// What `{{name}}` expands to: session variables over the environment's.
    public func variables() throws(ShellError) -> Variables {
        variables(in: try resolvedEnvironment())
    }

    /// Session variables over those of `environment`, already read (reading it parses its file).
    func variables(in environment: ResolvedEnvironment?) -> Variables {
        (environment?.variables ?? Variables()).overlaid(with: sessionVariables)
    }

    /// Masks, where they were placed, the secrets of the environment in use, of its auth profiles, and
    /// every credential obtained or typed in this run.
    public var redactor: Redactor {
        if let environment = try? resolvedEnvironment() {
            authRegistry.secrets.register(contentsOf: variables(in: environment).secretValues + authRegistry.secretValues(in: environment))
        }
        return authRegistry.secrets.redactor
    }

    // MARK: Auth

    /// Token requests go through a transport of their own: no cookies, no redirects shared with the API.
    lazy var authTransport = HTTPTransport(environment: processEnvironment)
    public private(set) lazy var authRegistry = AuthRegistry(
        workspace: workspace, sender: authTransport, processEnvironment: processEnvironment)

    func setTrace(enabled: Bool, reveal: Bool) {
        traceEnabled = enabled
        traceReveal = reveal
        let output = output
        let style = output.style
        authRegistry.trace = enabled ? AuthTrace(reveal: reveal) { line in output.errorLine(style.paint("trace ", .magenta) + line) } : nil
    }

    /// `oauth2 ✓` for the prompt: the default profile of the environment in use.
    var authSummary: String? {
        guard let environment = try? resolvedEnvironment(), let name = AuthRegistry.defaultProfile(in: environment),
            let live = try? authRegistry.session(named: name, in: environment, variables: variables())
        else { return nil }
        let badge = live.status.badge
        return badge.isEmpty ? nil : badge
    }

    /// The profile that signs a typed request, by the one rule (`AuthPolicy`): `--auth NAME`, else the
    /// environment's default for requests to its origins that carry no Authorization header of their own.
    func signer(
        for request: HTTPRequest, options: RequestOptions, environment: ResolvedEnvironment?, variables: Variables
    ) throws(ShellError) -> (profile: String, session: AuthSession)? {
        switch AuthRegistry.policy(in: environment, variables: variables).choose(named: options.authProfile, for: request) {
        case .none:
            return nil
        case .withheld(let profile, let origin):
            if withheldOrigins.insert(origin).inserted {
                output.note(AuthPolicy.withheldNote(profile: profile, origin: origin, allowed: AuthRegistry.signedOrigins(variables)))
            }
            return nil
        case .profile(let name):
            guard let environment else { throw .usage("--auth \(name): auth profiles belong to an environment; `env use NAME` first") }
            do { return (name, try authRegistry.session(named: name, in: environment, variables: variables)) } catch { throw .usage("\(error)") }
        }
    }

    /// An unknown variable that is a secret without a value deserves a more useful error.
    func explainUnknown(_ name: String) -> String {
        if let environment = try? resolvedEnvironment(), environment.missingSecrets.contains(name) {
            return "secret '\(name)' of environment '\(environment.name)' has no value: `env secret \(name)` stores one"
        }
        return UnknownVariableError(name: name).description
    }

    // MARK: Sending

    func transport() -> HTTPTransport {
        let key = environmentName ?? ""
        if let existing = transports[key] { return existing }
        let jar = cookieJar()
        let transport = HTTPTransport(cookieJar: jar, environment: processEnvironment)
        transports[key] = transport
        return transport
    }

    func cookieJar() -> CookieJar {
        let key = environmentName ?? ""
        if let jar = cookieJars[key] { return jar }
        let stored = (try? workspace.state.load(cookieKey)).flatMap { $0 }
        let cookies = stored.flatMap { try? JSONDecoder().decode([CookieJar.Cookie].self, from: Data($0)) } ?? []
        storedCookies[cookieKey] = try? JSONEncoder().encode(cookies.filter { $0.expires != nil })
        let jar = CookieJar(cookies)
        cookieJars[key] = jar
        return jar
    }

    private var cookieKey: String { "cookies/\(environmentName ?? "_none").json" }

    func saveCookies() {
        guard let jar = cookieJars[environmentName ?? ""] else { return }
        let persistent = jar.all.filter { $0.expires != nil }
        guard let data = try? JSONEncoder().encode(persistent), data != storedCookies[cookieKey] else { return }
        try? workspace.state.save(cookieKey, Array(data))
        storedCookies[cookieKey] = data
    }

    public func shutdown() async {
        saveCookies()
        for transport in transports.values { await transport.shutdown() }
        transports.removeAll()
        await authTransport.shutdown()
    }

    func record(_ record: ExchangeRecord) {
        exchanges.append(record)
    }

    var lastExchange: ExchangeRecord? { exchanges.last }

    func exchange(_ number: Int?) throws(ShellError) -> ExchangeRecord {
        guard let number else {
            guard let last = exchanges.last else { throw .usage("no response yet: send a request first") }
            return last
        }
        guard let found = exchanges.first(where: { $0.number == number }) else {
            throw .usage("no exchange #\(number) (`history` lists them)")
        }
        return found
    }

    func resolveLocalPath(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        if path.hasPrefix("~/") { return (processEnvironment["HOME"] ?? NSHomeDirectory()) + path.dropFirst() }
        return FileManager.default.currentDirectoryPath + "/" + path
    }
}

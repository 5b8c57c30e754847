import HTTPExchange
import OpenAPI

/// How a run behaves. The `apish run` command builds one from its options; the shell's environment
/// wiring fills `variables`, `baseURL`, `secrets` and `authProfiles`.
public struct RunConfiguration: Sendable {
    /// Variables every file starts with (`--variable`, `--variables-file`, the environment).
    public var variables: [String: RunValue]
    /// Names among `variables` whose values are secrets, masked in results and reports.
    public var secretNames: Set<String>
    /// How to give a variable the run lacks, by name: a secret of the environment without a value says
    /// how to store one instead of calling it unknown.
    public var missingVariableHints: [String: String] = [:]
    /// Every other secret the run holds (environment secrets, tokens its auth profiles obtain).
    public var secrets: SecretRegistry
    /// Relative request URLs resolve against it (an environment's `baseUrl`); nil keeps Hurl's rule
    /// that URLs are absolute.
    public var baseURL: String?
    /// Follow redirects for every entry (Hurl's `--location`); an entry's `location:` option wins.
    public var followRedirects: Bool
    public var insecure: Bool
    /// `user:password` sent as Basic auth by every entry (Hurl's `--user`); an entry's own `user`
    /// option, URL userinfo or `[BasicAuth]` wins.
    public var user: String?
    public var connectTimeout: Duration?
    public var timeout: Duration?
    /// How long a response may stay silent before it is given up (`--idle-timeout`).
    public var idleTimeout: Duration? = SendOptions.defaultIdleTimeout
    /// The largest body kept, decompressed bytes counted (`--max-size`).
    public var maxBodySize = SendOptions.defaultMaxBodySize
    /// Retries of a failed entry (Hurl's `--retry`); an entry's `retry` option wins.
    public var retry = 0
    /// The wait between retries (Hurl's `--retry-interval`); an entry's `retry-interval` option wins.
    public var retryInterval: Duration = .milliseconds(1000)
    /// The transport's cookie jar, when the run shares it: an entry with `[Cookies]` sends the session's
    /// cookies with its own, as Hurl does, instead of its own alone.
    public var cookieJar: CookieJar?
    /// A data-driven run's rows (`--data FILE`): every file runs once per row with the row's values
    /// over the run's variables; nil runs each file once.
    public var dataRows: [[String: RunValue]]?
    /// Files run at once.
    public var jobs: Int
    /// Where the files' tasks run, one executor per file in turn; empty leaves them on Swift's pool.
    /// The transport's own executors let a file's exchanges run on the threads that do their I/O.
    public var executors: [any TaskExecutor] = []
    /// Whether a file's results keep the entries and asserts that passed. Reports list every entry; the
    /// terminal shows failures alone, so a run that writes no report keeps only the entries that did not
    /// pass, with their failed asserts (the counts stay whole), and spools and describes nothing else.
    public var keepsPassedEntries = true
    /// Stop starting files after the first failed one.
    public var failFast: Bool
    /// Keep running a file's entries after one failed (Hurl's `--continue-on-error`).
    public var continueOnError: Bool
    /// The auth profiles entries can name (`# @auth NAME`); nil when the run has none.
    public var authProfiles: (any AuthProfileResolving)?
    /// Which profile signs an entry. By default only the one an entry names, so entries are sent as
    /// written, as Hurl sends them; `apish run --auth NAME` adds a default.
    public var authPolicy = AuthPolicy()
    /// `--openapi`: every response an operation of the description matches is checked against it,
    /// a mismatch failing like an assert.
    public var openAPI: OpenAPIDescription?

    public init(
        variables: [String: RunValue] = [:], secretNames: Set<String> = [], secrets: SecretRegistry = SecretRegistry(),
        baseURL: String? = nil, followRedirects: Bool = false, insecure: Bool = false,
        connectTimeout: Duration? = .seconds(10), timeout: Duration? = nil, jobs: Int = 1, failFast: Bool = false,
        continueOnError: Bool = false, authProfiles: (any AuthProfileResolving)? = nil
    ) {
        self.variables = variables
        self.secretNames = secretNames
        self.secrets = secrets
        self.baseURL = baseURL
        self.followRedirects = followRedirects
        self.insecure = insecure
        self.connectTimeout = connectTimeout
        self.timeout = timeout
        self.jobs = jobs
        self.failFast = failFast
        self.continueOnError = continueOnError
        self.authProfiles = authProfiles
    }
}

extension RunConfiguration {
    /// A duration as Hurl's options take it: `10`, `10s`, `500ms`, `1m`, `1h`; a bare number is in
    /// `defaultUnit`.
    public static func duration(_ text: String, defaultUnit: Duration) -> Duration? {
        EntryOptions.duration(text, defaultUnit: defaultUnit)
    }
}

/// The seam for auth profiles: the authorizer of the profile an entry names. The Pipeline module
/// provides it from an environment.
public protocol AuthProfileResolving: Sendable {
    func authorizer(forProfile name: String) throws -> any RequestAuthorizer
}

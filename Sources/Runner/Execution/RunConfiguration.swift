import HTTPExchange

/// How a run behaves. The `apish run` command builds one from its options; the shell's environment
/// wiring fills `variables`, `baseURL`, `secretValues` and `authorizer`.
public struct RunConfiguration: Sendable {
    /// Variables every file starts with (`--variable`, `--variables-file`, the environment).
    public var variables: [String: RunValue]
    /// Names among `variables` whose values are secrets, masked in results and reports.
    public var secretNames: Set<String>
    /// Other texts to mask (tokens, passwords known to the caller).
    public var secretValues: [String]
    /// Relative request URLs resolve against it (an environment's `baseUrl`); nil keeps Hurl's rule
    /// that URLs are absolute.
    public var baseURL: String?
    /// Follow redirects for every entry (Hurl's `--location`); an entry's `location:` option wins.
    public var followRedirects: Bool
    public var insecure: Bool
    public var connectTimeout: Duration?
    public var timeout: Duration?
    /// Files run at once.
    public var jobs: Int
    /// Stop starting files after the first failed one.
    public var failFast: Bool
    /// Keep running a file's entries after one failed (Hurl's `--continue-on-error`).
    public var continueOnError: Bool
    /// Authorizes requests of entries that name an auth profile (`# @auth NAME`).
    public var authorizer: (any RequestAuthorizing)?
    /// The profile for entries that name none and carry no Authorization header (`apish run --auth NAME`).
    /// Nil sends such entries as written, as Hurl does.
    public var defaultAuthProfile: String?

    public init(
        variables: [String: RunValue] = [:], secretNames: Set<String> = [], secretValues: [String] = [],
        baseURL: String? = nil, followRedirects: Bool = false, insecure: Bool = false,
        connectTimeout: Duration? = .seconds(10), timeout: Duration? = nil, jobs: Int = 1, failFast: Bool = false,
        continueOnError: Bool = false, authorizer: (any RequestAuthorizing)? = nil
    ) {
        self.variables = variables
        self.secretNames = secretNames
        self.secretValues = secretValues
        self.baseURL = baseURL
        self.followRedirects = followRedirects
        self.insecure = insecure
        self.connectTimeout = connectTimeout
        self.timeout = timeout
        self.jobs = jobs
        self.failFast = failFast
        self.continueOnError = continueOnError
        self.authorizer = authorizer
    }
}

/// The seam for auth profiles: given an entry's expanded request and the profile it names, return
/// the request with its credentials (a header, a signature, a token). The Auth module provides it.
public protocol RequestAuthorizing: Sendable {
    func authorize(_ request: HTTPRequest, profile: String) async throws -> HTTPRequest
}

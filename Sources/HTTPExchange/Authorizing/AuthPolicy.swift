/// Which auth profile signs a request: the one rule the shell, `apish run` and export all follow.
///
/// A profile named for the request (`--auth NAME`, `# @auth NAME`) is explicit consent and always
/// applies (`none` sends no credentials). Otherwise the default profile applies only when the request
/// carries no `Authorization` header of its own, and only to the origins it belongs to: credentials
/// stay with their origin, so a request elsewhere goes without them.
public struct AuthPolicy: Sendable, Equatable {
    /// The profile for requests that name none (an environment's `auth = NAME`, `apish run --auth NAME`).
    public var defaultProfile: String?
    /// Origins (`scheme://host[:port]`) or bare hosts (`host[:port]`, either scheme) the default profile
    /// may sign; nil lets it sign anywhere, for a default the person named on the command line.
    public var origins: [String]?

    public init(defaultProfile: String? = nil, origins: [String]? = nil) {
        self.defaultProfile = defaultProfile
        self.origins = origins
    }

    public enum Choice: Sendable, Equatable {
        /// Sign with this profile.
        case profile(String)
        /// Send without credentials.
        case none
        /// The default profile would apply but the request goes to another origin: sent without it.
        case withheld(profile: String, origin: String)
    }

    public func choose(named explicit: String?, for request: HTTPRequest) -> Choice {
        if let explicit { return explicit == "none" ? .none : .profile(explicit) }
        guard let defaultProfile, !request.headers.contains("Authorization") else { return .none }
        guard let origins else { return .profile(defaultProfile) }
        guard let url = RequestURL(request.url) else { return .withheld(profile: defaultProfile, origin: request.url) }
        return origins.contains { Self.matches($0, url) } ? .profile(defaultProfile) : .withheld(profile: defaultProfile, origin: url.origin)
    }

    /// Why credentials were withheld, for a one-line note.
    public static func withheldNote(profile: String, origin: String, allowed: [String]) -> String {
        let listed = allowed.isEmpty ? "no origin (the environment has no baseUrl)" : allowed.joined(separator: ", ")
        return "sent without auth profile '\(profile)': its credentials go only to \(listed); "
            + "`--auth \(profile)` sends them to \(origin) for this request, `env set hosts …` for good"
    }

    static func matches(_ allowed: String, _ url: RequestURL) -> Bool {
        let trimmed = Substring(allowed).trimmingWhitespace().lowercased()
        if let origin = RequestURL(trimmed) { return origin.origin == url.origin }
        let host = trimmed.split(separator: "/").first.map(String.init) ?? trimmed
        if let colon = host.lastIndex(of: ":"), !host.hasSuffix("]"), let port = Int(host[host.index(after: colon)...]) {
            return String(host[..<colon]) == url.host && port == url.effectivePort
        }
        return host == url.host && url.port == nil
    }
}

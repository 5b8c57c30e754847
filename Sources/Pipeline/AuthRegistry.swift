import Auth
import Foundation
import HTTPExchange
import Runner
import Synchronization
import Workspace

/// An environment's auth profiles (its `[auth NAME]` sections) and one live `AuthSession` for each,
/// shared by the shell and `apish run` so that tokens obtained in one are refreshed and reused in the other.
public final class AuthRegistry: Sendable {
    public let workspace: Workspace
    private let sender: any HTTPSending
    private let processEnvironment: [String: String]
    private let sessions = Mutex<[String: (profile: AuthProfile, session: AuthSession)]>([:])
    private let traceState = Mutex<AuthTrace?>(nil)
    /// Every secret of the environment's profiles and every credential their sessions obtain.
    public let secrets: SecretRegistry

    public init(
        workspace: Workspace, sender: any HTTPSending, processEnvironment: [String: String], secrets: SecretRegistry = SecretRegistry()
    ) {
        self.workspace = workspace
        self.secrets = secrets
        self.sender = sender
        self.processEnvironment = processEnvironment
    }

    /// Narration for every session, now and later (`trace on`).
    public var trace: AuthTrace? {
        get { traceState.withLock { $0 } }
        set {
            traceState.withLock { $0 = newValue }
            sessions.withLock { entries in for entry in entries.values { entry.session.trace = newValue } }
        }
    }

    public static func profileNames(in environment: ResolvedEnvironment) -> [String] {
        environment.document.sections.filter { $0.kind == "auth" }.map(\.name)
    }

    /// The environment's default profile: its top-level `auth = NAME`.
    public static func defaultProfile(in environment: ResolvedEnvironment) -> String? {
        environment.document.entry("auth").map(\.value).flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The origins the environment's default profile signs: its `baseUrl`'s, and those its `hosts`
    /// setting lists (comma or space separated).
    /// - Parameter variables: the variables requests expand with (a run's `baseUrl` overrides the file's).
    public static func signedOrigins(_ variables: Variables) -> [String] {
        let base = variables.value(of: "baseUrl").flatMap(RequestURL.init).map { [$0.origin] } ?? []
        let listed = variables.value(of: "hosts").map { $0.split { $0 == "," || $0 == " " }.map(String.init) } ?? []
        return base + listed
    }

    /// How the shell picks the profile of a typed request in `environment`.
    public static func policy(in environment: ResolvedEnvironment?, variables: Variables) -> AuthPolicy {
        guard let environment else { return AuthPolicy() }
        return AuthPolicy(defaultProfile: defaultProfile(in: environment), origins: signedOrigins(variables))
    }

    /// The session of profile `name`, rebuilt when its settings changed since it was made.
    /// - Parameter variables: what `{{name}}` in its settings expands to; the environment's by default,
    ///   the shell passes its own (variables set in the run win).
    public func session(named name: String, in environment: ResolvedEnvironment, variables: Variables? = nil) throws -> AuthSession {
        if name == "none" { return AuthSession(profile: .none, storeKey: "", store: InMemorySecretStore(), sender: sender, trace: nil) }
        let profile = try profile(named: name, in: environment, variables: variables ?? environment.variables)
        let key = AuthSession.storeKey(environment: environment.name, profile: name)
        return sessions.withLock { entries in
            if let existing = entries[key], existing.profile == profile { return existing.session }
            let session = AuthSession(profile: profile, storeKey: key, store: workspace.state, sender: sender, trace: trace, secrets: secrets)
            entries[key] = (profile, session)
            return session
        }
    }

    func profile(named name: String, in environment: ResolvedEnvironment, variables: Variables) throws -> AuthProfile {
        let section = EnvironmentDocument.Section(kind: "auth", name: name)
        guard environment.document.sections.contains(section) else {
            let known = Self.profileNames(in: environment)
            throw AuthRegistryError(
                "environment '\(environment.name)' has no auth profile '\(name)'"
                    + (known.isEmpty ? ": create one with `auth new NAME TYPE`" : " (it has: \(known.joined(separator: ", ")))"))
        }
        let (raw, _, missing) = workspace.sectionSettings(section, of: environment, processEnvironment: processEnvironment)
        var settings: [String: String] = [:]
        for (key, value) in raw {
            do {
                settings[key] = try Template(value).expand(variables)
            } catch {
                throw AuthRegistryError("auth profile '\(name)', setting \(key): \(error)")
            }
        }
        if let secret = missing.first {
            throw AuthRegistryError(
                "auth profile '\(name)': secret \(secret) has no value: `auth secret \(name) \(secret)` stores one")
        }
        do { return try AuthProfile(name: name, settings: settings) } catch { throw AuthRegistryError("\(error)") }
    }

    /// Masks for everything the environment's profiles hold.
    public func secretValues(in environment: ResolvedEnvironment) -> [String] {
        Self.profileNames(in: environment).flatMap { name in
            workspace.sectionSettings(.init(kind: "auth", name: name), of: environment, processEnvironment: processEnvironment).secretValues
        }
    }
}

public struct AuthRegistryError: Error, Sendable, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}

/// The profiles of one environment as `apish run` and the shell's `run` reach them (`# @auth NAME`,
/// `--auth NAME`), with `{{name}}` in their settings expanded from `variables`.
public struct EnvironmentProfiles: AuthProfileResolving {
    let registry: AuthRegistry
    let environment: ResolvedEnvironment
    let variables: Variables

    public init(registry: AuthRegistry, environment: ResolvedEnvironment, variables: Variables) {
        self.registry = registry
        self.environment = environment
        self.variables = variables
    }

    public func authorizer(forProfile name: String) throws -> any RequestAuthorizer {
        try registry.session(named: name, in: environment, variables: variables)
    }
}

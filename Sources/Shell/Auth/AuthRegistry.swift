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

    public init(workspace: Workspace, sender: any HTTPSending, processEnvironment: [String: String]) {
        self.workspace = workspace
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

    /// The session of profile `name`, rebuilt when its settings changed since it was made.
    /// - Parameter variables: what `{{name}}` in its settings expands to; the environment's by default,
    ///   the shell passes its own (variables set in the run win).
    public func session(named name: String, in environment: ResolvedEnvironment, variables: Variables? = nil) throws -> AuthSession {
        if name == "none" { return AuthSession(profile: .none, storeKey: "", store: InMemorySecretStore(), sender: sender, trace: nil) }
        let profile = try profile(named: name, in: environment, variables: variables ?? environment.variables)
        let key = AuthSession.storeKey(environment: environment.name, profile: name)
        return sessions.withLock { entries in
            if let existing = entries[key], existing.profile == profile { return existing.session }
            let session = AuthSession(profile: profile, storeKey: key, store: workspace.state, sender: sender, trace: trace)
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

/// `apish run --env NAME`: entries that name a profile (`# @auth NAME`) are authorized with it.
public struct EnvironmentAuthorizer: RequestAuthorizing {
    let registry: AuthRegistry
    let environment: ResolvedEnvironment
    let variables: Variables?

    public init(registry: AuthRegistry, environment: ResolvedEnvironment, variables: Variables? = nil) {
        self.registry = registry
        self.environment = environment
        self.variables = variables
    }

    public func authorize(_ request: HTTPRequest, profile: String) async throws -> HTTPRequest {
        try await registry.session(named: profile, in: environment, variables: variables).authorize(request)
    }
}

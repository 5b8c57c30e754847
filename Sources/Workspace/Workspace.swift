import Foundation
import HTTPExchange

/// A folder of API work: `environments/*.env` and `collections/**.hurl`, meant to live in git.
/// Its private side (secret values, tokens, cookies, which environment is in use) lives in the
/// per-user state folder, never in the workspace.
public struct Workspace: Sendable {
    public let root: String
    /// This workspace's private folder inside the per-user state folder.
    public let state: StateFolder
    /// The per-user state folder itself (history is shared by all workspaces).
    public let userState: StateFolder

    public init(root: String, userState: StateFolder = .standard()) {
        let standardized = URL(fileURLWithPath: root).standardizedFileURL.path
        self.root = standardized
        self.userState = userState
        let label = URL(fileURLWithPath: standardized).lastPathComponent
        self.state = userState.folder("workspaces/\(label)-\(Self.fingerprint(standardized))")
    }

    /// `$APISH_WORKSPACE`, else the current directory.
    public static func current(environment: [String: String] = ProcessInfo.processInfo.environment) -> Workspace {
        let root = environment["APISH_WORKSPACE"].flatMap { $0.isEmpty ? nil : $0 }
            ?? FileManager.default.currentDirectoryPath
        return Workspace(root: root, userState: .standard(environment: environment))
    }

    public var environmentsFolder: String { root + "/environments" }
    public var collectionsFolder: String { root + "/collections" }

    public func environmentPath(_ name: String) -> String { environmentsFolder + "/\(name).env" }

    public func environmentNames() -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: environmentsFolder)) ?? []
        return files.filter { $0.hasSuffix(".env") }.map { String($0.dropLast(4)) }.sorted()
    }

    public func environmentExists(_ name: String) -> Bool {
        FileManager.default.fileExists(atPath: environmentPath(name))
    }

    public func loadEnvironment(_ name: String) throws -> EnvironmentDocument {
        try Self.validate(name)
        let path = environmentPath(name)
        guard let data = FileManager.default.contents(atPath: path) else { throw WorkspaceError.noSuchEnvironment(name) }
        return try EnvironmentDocument(parsing: String(decoding: data, as: UTF8.self), fileName: "environments/\(name).env")
    }

    public func saveEnvironment(_ name: String, _ document: EnvironmentDocument) throws {
        try Self.validate(name)
        try AtomicFile.write(document.rendered(), to: environmentPath(name))
    }

    public func deleteEnvironment(_ name: String) throws {
        try Self.validate(name)
        guard environmentExists(name) else { throw WorkspaceError.noSuchEnvironment(name) }
        try FileManager.default.removeItem(atPath: environmentPath(name))
        try state.remove("secrets/\(name)")
    }

    public var currentEnvironment: String? {
        state.loadText("current-environment").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .flatMap { $0.isEmpty ? nil : $0 }
    }

    public func setCurrentEnvironment(_ name: String?) throws {
        if let name { try state.save("current-environment", Array(name.utf8)) } else { try state.remove("current-environment") }
    }

    // MARK: Secrets

    public func secretValue(environment: String, name: String) -> String? {
        state.loadText("secrets/\(environment)/\(name)")
    }

    public func setSecret(environment: String, name: String, value: String) throws {
        try state.save("secrets/\(environment)/\(name)", Array(value.utf8))
    }

    /// Declares `secret NAME` in the environment's file (keeping its comments and order) and keeps the
    /// value in the state folder: the one way a value becomes a secret of an environment.
    public func storeSecret(environment: String, name: String, value: String) throws {
        var document = try loadEnvironment(environment)
        if document.entry(name)?.isSecret != true || document.entry(name)?.value.isEmpty != true {
            document.set(.init(key: name, value: "", isSecret: true))
            try saveEnvironment(environment, document)
        }
        try setSecret(environment: environment, name: name, value: value)
    }

    public func removeSecret(environment: String, name: String) throws {
        try state.remove("secrets/\(environment)/\(name)")
    }

    /// The environment's variables with secrets resolved, marked secret so output masks them.
    /// A secret without a value is simply absent, so using it fails with the variable's name;
    /// `missingSecrets` lets the caller say how to give one.
    public func variables(
        environment name: String, processEnvironment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> ResolvedEnvironment {
        let document = try loadEnvironment(name)
        var plain: [String: String] = [:]
        var secrets: [String: String] = [:]
        var missing: [String] = []
        for entry in document.entries() {
            guard entry.isSecret else {
                plain[entry.key] = entry.value
                continue
            }
            let value = entry.environmentVariable.map { processEnvironment[$0] }
                ?? secretValue(environment: name, name: entry.key)
            if let value { secrets[entry.key] = value } else { missing.append(entry.key) }
        }
        let variables = Variables(layers: [plain]).overlaid(with: secrets, secret: true)
        return ResolvedEnvironment(name: name, document: document, variables: variables, missingSecrets: missing)
    }

    /// A section's settings (e.g. `[auth oauth2]`) with its secrets resolved, templates left as written.
    public func sectionSettings(
        _ section: EnvironmentDocument.Section, of environment: ResolvedEnvironment,
        processEnvironment: [String: String] = ProcessInfo.processInfo.environment
    ) -> (settings: [String: String], secretValues: [String], missingSecrets: [String]) {
        var settings: [String: String] = [:]
        var secretValues: [String] = []
        var missing: [String] = []
        for entry in environment.document.entries(in: section) {
            guard entry.isSecret else {
                settings[entry.key] = entry.value
                continue
            }
            let value = entry.environmentVariable.map { processEnvironment[$0] }
                ?? secretValue(environment: environment.name, name: Self.sectionSecretName(section, entry.key))
            if let value {
                settings[entry.key] = value
                secretValues.append(value)
            } else {
                missing.append(entry.key)
            }
        }
        return (settings, secretValues, missing)
    }

    /// Where a section's secret is kept: `auth.oauth2.client_secret`.
    public static func sectionSecretName(_ section: EnvironmentDocument.Section, _ key: String) -> String {
        "\(section.kind).\(section.name).\(key)"
    }

    static func validate(_ name: String) throws {
        let valid = !name.isEmpty && name.allSatisfy { $0.isLetter || $0.isNumber || "-_.".contains($0) }
            && !name.hasPrefix(".")
        guard valid else { throw WorkspaceError.invalidName(name) }
    }

    /// A short stable fingerprint of the workspace path (FNV-1a), so two checkouts never share state.
    static func fingerprint(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return String(hash, radix: 16)
    }
}

public struct ResolvedEnvironment: Sendable {
    public let name: String
    public let document: EnvironmentDocument
    public let variables: Variables
    public let missingSecrets: [String]

    public var baseURL: String? { variables.value(of: "baseUrl") }
}

public enum WorkspaceError: Error, Sendable, Equatable, CustomStringConvertible {
    case noSuchEnvironment(String)
    case invalidName(String)

    public var description: String {
        switch self {
        case .noSuchEnvironment(let name): "no environment '\(name)': create it with `env new \(name)`"
        case .invalidName(let name): "'\(name)' is not a valid name: use letters, digits, '-', '_' and '.'"
        }
    }
}

import Foundation
import HTTPExchange

/// The per-user state folder: `$XDG_STATE_HOME/apish` or `~/.local/state/apish`.
/// Everything here is private to the user: folders 0700, files 0600, written atomically.
public struct StateFolder: SecretStore {
    public let path: String

    public init(path: String) {
        self.path = path
    }

    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> StateFolder {
        if let explicit = environment["APISH_STATE_DIR"], !explicit.isEmpty { return StateFolder(path: explicit) }
        if let xdg = environment["XDG_STATE_HOME"], xdg.hasPrefix("/") { return StateFolder(path: xdg + "/apish") }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return StateFolder(path: home + "/.local/state/apish")
    }

    /// A sub-folder, e.g. the one private to a workspace.
    public func folder(_ name: String) -> StateFolder {
        StateFolder(path: path + "/" + name)
    }

    public func filePath(_ key: String) -> String {
        path + "/" + key.split(separator: "/").map(Self.safeComponent).joined(separator: "/")
    }

    public func load(_ key: String) throws -> [UInt8]? {
        FileManager.default.contents(atPath: filePath(key)).map(Array.init)
    }

    public func save(_ key: String, _ value: [UInt8]) throws {
        let file = filePath(key)
        try ensurePrivateFolder(URL(fileURLWithPath: file).deletingLastPathComponent().path)
        try AtomicFile.write(value, to: file, mode: 0o600)
    }

    public func remove(_ key: String) throws {
        let file = filePath(key)
        if FileManager.default.fileExists(atPath: file) { try FileManager.default.removeItem(atPath: file) }
    }

    public func loadText(_ key: String) -> String? {
        (try? load(key)).flatMap { $0 }.map { String(decoding: $0, as: UTF8.self) }
    }

    private func ensurePrivateFolder(_ folder: String) throws {
        try FileManager.default.createDirectory(
            atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    }

    /// Keys come from environment and profile names; keep each one a single, harmless path component.
    static func safeComponent(_ component: Substring) -> String {
        let cleaned = component.map { character -> Character in
            character.isLetter || character.isNumber || "-_.".contains(character) ? character : "_"
        }
        let text = String(cleaned)
        return text.isEmpty || text == "." || text == ".." ? "_" : text
    }
}

import Synchronization

/// Where secrets and tokens live between runs. The workspace keeps them in the per-user state folder
/// (files 0600, written atomically); tests and the sandbox can keep them in memory.
public protocol SecretStore: Sendable {
    func load(_ key: String) throws -> [UInt8]?
    func save(_ key: String, _ value: [UInt8]) throws
    func remove(_ key: String) throws
}

public final class InMemorySecretStore: SecretStore {
    private let values: Mutex<[String: [UInt8]]>

    public init(_ values: [String: [UInt8]] = [:]) {
        self.values = Mutex(values)
    }

    public func load(_ key: String) throws -> [UInt8]? { values.withLock { $0[key] } }
    public func save(_ key: String, _ value: [UInt8]) throws { values.withLock { $0[key] = value } }
    public func remove(_ key: String) throws { _ = values.withLock { $0.removeValue(forKey: key) } }
}

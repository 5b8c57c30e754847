import Synchronization

/// Every secret value this process holds — environment and profile secrets, passwords asked for,
/// tokens obtained — so that output can mask them where they were placed. The shell and a run each
/// keep one; auth sessions add the credentials they obtain or apply.
public final class SecretRegistry: Sendable {
    private let values = Mutex<Set<String>>([])

    public init() {}

    public func register(_ value: String?) {
        guard let value, !value.isEmpty else { return }
        _ = values.withLock { $0.insert(value) }
    }

    public func register(contentsOf secrets: some Sequence<String>) {
        values.withLock { known in
            for secret in secrets where !secret.isEmpty { known.insert(secret) }
        }
    }

    /// Learns the credentials `request` carries where credentials are placed (`Redactor.credentials(in:)`).
    public func registerCredentials(in request: HTTPRequest) {
        register(contentsOf: Redactor.credentials(in: request))
    }

    /// Masks what is known now.
    public var redactor: Redactor { Redactor(secrets: values.withLock { $0 }) }
}

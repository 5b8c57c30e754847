import Foundation
import NIOCore
import NIOPosix
import NIOSSL
import Synchronization

/// Keeps connections open between exchanges: idle HTTP/1.1 connections wait for the next request to
/// their origin, and one HTTP/2 connection per origin carries every request to it at once.
final class ConnectionPool: Sendable {
    private struct State {
        var idle: [ConnectionKey: [Connection]] = [:]
        var multiplexed: [ConnectionKey: Connection] = [:]
        var tlsContexts: [TLSSettings: NIOSSLContext] = [:]
        var isShutDown = false
    }

    private let state = Mutex(State())
    /// Asked for at the first connection only: a session that sends nothing starts no threads.
    private var group: any EventLoopGroup { MultiThreadedEventLoopGroup.singleton }

    /// A connection for the key, and whether it served before: a reused HTTP/1.1 connection may have
    /// been closed by the server while it was idle. A fresh one is asked for after that happened.
    func connection(for key: ConnectionKey, fresh: Bool, deadline: NIODeadline?) async throws -> (Connection, reused: Bool) {
        let existing: Connection? = fresh ? nil : state.withLock { state in
            if let shared = state.multiplexed[key], shared.channel.isActive { return shared }
            while let idle = state.idle[key]?.popLast() {
                if idle.channel.isActive { return idle }
            }
            return nil
        }
        if let existing { return (existing, true) }
        let tls = try key.isTLS ? tlsContext(for: key.tls, host: key.host) : nil
        let connection = try await ConnectionFactory.connect(key, tls: tls, group: group, exchangeDeadline: deadline)
        if connection.isHTTP2 {
            state.withLock { $0.multiplexed[key] = connection }
        }
        return (connection, false)
    }

    /// Takes an HTTP/1.1 connection back once its exchange is over; one the server or the exchange
    /// means to close is closed.
    func release(_ connection: Connection, reusable: Bool) {
        guard !connection.isHTTP2 else { return }
        let kept = reusable && connection.channel.isActive && state.withLock { state in
            guard !state.isShutDown else { return false }
            state.idle[connection.key, default: []].append(connection)
            return true
        }
        if !kept { connection.close() }
    }

    func shutdown() async {
        let open = state.withLock { state in
            state.isShutDown = true
            defer {
                state.idle.removeAll()
                state.multiplexed.removeAll()
            }
            return state.idle.values.flatMap { $0 } + state.multiplexed.values
        }
        for connection in open { try? await connection.channel.close() }
    }

    /// One context per TLS configuration: building one reads the trust roots.
    private func tlsContext(for settings: TLSSettings, host: String) throws -> NIOSSLContext {
        try state.withLock { state in
            if let context = state.tlsContexts[settings] { return context }
            var configuration = TLSConfiguration.makeClientConfiguration()
            configuration.applicationProtocols = ["h2", "http/1.1"]
            if settings.insecure { configuration.certificateVerification = .none }
            if let path = settings.caCertificatePath {
                guard FileManager.default.isReadableFile(atPath: path) else {
                    throw TransportError(host: host, cause: .tls("cannot read CA certificate file '\(path)'"))
                }
                configuration.trustRoots = .file(path)
            }
            let context = try NIOSSLContext(configuration: configuration)
            state.tlsContexts[settings] = context
            return context
        }
    }
}

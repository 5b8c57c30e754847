import Foundation
import Hummingbird

/// The Mautic-compatible API as a real HTTP server.
///
/// ```swift
/// let server = try SandboxServer(configuration: SandboxConfiguration(port: 0))
/// let port = try await server.start()
/// print(await server.credentialsSummary)
/// await server.stop()
/// ```
public actor SandboxServer {
    public struct StartError: Error, CustomStringConvertible {
        public let description: String
    }

    public nonisolated let configuration: SandboxConfiguration
    public nonisolated let credentials: SandboxCredentials
    private let book: ContactBook
    private var runTask: Task<Void, Never>?
    private(set) public var port: Int?

    /// Reads the credentials file and the data file now, so that mistakes in them surface before any socket opens.
    public init(configuration: SandboxConfiguration) throws {
        self.configuration = configuration
        if let path = configuration.credentialsFile {
            do {
                credentials = try JSONDecoder().decode(SandboxCredentials.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
            } catch {
                throw StartError(description: "cannot read credentials from \(path): \(error)")
            }
        } else {
            credentials = .demo
        }
        if let path = configuration.dataFile {
            do {
                book = try ContactDataFile.load(path) ?? .seeded(at: Date())
            } catch {
                throw StartError(description: error.description)
            }
        } else {
            book = .seeded(at: Date())
        }
    }

    public var baseURL: String? {
        port.map { "http://\(configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host):\($0)" }
    }

    /// The URL and every credential, for printing when the server starts.
    public var credentialsSummary: String {
        credentials.summary(baseURL: baseURL ?? "http://\(configuration.host):\(configuration.port)")
    }

    /// Binds and starts serving; returns the bound port (a free one when the configuration asks for 0).
    @discardableResult
    public func start() async throws -> Int {
        if let port { return port }
        guard runTask == nil else { throw StartError(description: "the server is already starting") }
        let state = SandboxState(configuration: configuration, credentials: credentials, book: book)
        let (started, continuation) = AsyncThrowingStream.makeStream(of: Int.self)
        var application = Application(
            responder: SandboxResponder(state: state),
            configuration: ApplicationConfiguration(
                address: .hostname(configuration.host, port: configuration.port), serverName: "apish-sandbox"),
            onServerRunning: { channel in
                continuation.yield(channel.localAddress?.port ?? 0)
            })
        // Stopping cancels the server task, which Hummingbird logs as an error; the sandbox reports
        // its own failures, so its log stays quiet unless LOG_LEVEL asks otherwise.
        if ProcessInfo.processInfo.environment["LOG_LEVEL"] == nil { application.logger.logLevel = .critical }
        runTask = Task {
            do {
                try await application.run()
                continuation.finish()
            } catch {
                continuation.finish(throwing: error)
            }
        }
        do {
            for try await bound in started {
                port = bound
                return bound
            }
        } catch {
            runTask = nil
            throw StartError(description: "cannot serve on \(configuration.host):\(configuration.port): \(error)")
        }
        runTask = nil
        throw StartError(description: "the server on \(configuration.host):\(configuration.port) stopped before it started")
    }

    /// Stops serving and waits until the socket is closed.
    public func stop() async {
        guard let task = runTask else { return }
        runTask = nil
        task.cancel()
        await task.value
        port = nil
    }
}

import Auth
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
            guard let data = FileManager.default.contents(atPath: path) else {
                throw StartError(description: "cannot read \(path): \(Self.unreadableReason(path))")
            }
            do {
                credentials = try JSONDecoder().decode(SandboxCredentials.self, from: data)
            } catch let error as DecodingError {
                throw StartError(description: "\(path) is not a credentials file: \(Self.explain(error))")
            } catch {
                throw StartError(description: "\(path) is not a credentials file: \(error)")
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
        do { try await state.prepareSigningKey() } catch {
            throw StartError(description: "cannot make the token signing key: \(error)")
        }
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
            throw StartError(description: "cannot listen on \(configuration.host):\(configuration.port): \(SocketFailure.reason(error))")
        }
        runTask = nil
        throw StartError(description: "the server on \(configuration.host):\(configuration.port) stopped before it started")
    }

    private static func unreadableReason(_ path: String) -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return "no such file" }
        return isDirectory.boolValue ? "it is a directory" : "permission denied"
    }

    /// What JSONDecoder found wrong, said with the path of keys to it.
    private static func explain(_ error: DecodingError) -> String {
        let (context, what): (DecodingError.Context, String) = switch error {
        case .keyNotFound(let key, let context): (context, "\"\(key.stringValue)\" is missing")
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context): (context, context.debugDescription)
        @unknown default: (DecodingError.Context(codingPath: [], debugDescription: ""), "\(error)")
        }
        let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        return path.isEmpty ? what : "at \(path): \(what)"
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

import ArgumentParser
import Foundation
import Sandbox
import Workspace

struct SandboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sandbox",
        abstract: "Run the built-in Mautic-compatible API (contacts, Basic, OAuth 1.0a, OAuth 2) until interrupted.",
        discussion: """
            Prints its URL and the demo credentials, then serves until SIGINT or SIGTERM. Contacts live in \
            memory unless --data names a file, which is loaded at start and rewritten atomically on every change.

            A --creds file replaces the demo credentials and has their shape:
              {"users": [{"id": 1, "username": "admin", "password": "mautic",
                          "firstName": "Admin", "lastName": "User",
                          "email": "admin@example.com", "isAdmin": true}],
               "oauth1Consumers": [{"consumerKey": "k", "consumerSecret": "s",
                                    "callback": "http://127.0.0.1"}],
               "oauth2Clients": [{"clientID": "1_app", "clientSecret": "s",
                                  "redirectURIs": ["http://127.0.0.1"],
                                  "grantTypes": ["authorization_code", "refresh_token"],
                                  "userID": 1}]}
            """)

    @Option(help: "Address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on (0 picks a free one).")
    var port = 8181

    @Option(name: .customLong("token-ttl"), help: "Lifetime of OAuth 2 access tokens, in seconds.")
    var tokenTTL = 3600

    @Option(name: .customLong("oauth1-signing"), help: "OAuth 1.0a signature normalisation: rfc5849 or mautic-legacy.")
    var oauth1Signing: SandboxConfiguration.OAuth1Signing = .rfc5849

    @Option(name: .customLong("creds"), help: "JSON file of users and clients replacing the demo credentials.")
    var credentialsFile: String?

    @Option(name: .customLong("data"), help: "JSON file the contacts are loaded from and saved to on every change.")
    var dataFile: String?

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535.") }
        guard tokenTTL > 0 else { throw ValidationError("--token-ttl must be a positive number of seconds.") }
    }

    func run() async throws {
        let server: SandboxServer
        do {
            server = try SandboxServer(configuration: SandboxConfiguration(
                host: host, port: port, tokenTTL: tokenTTL, oauth1Signing: oauth1Signing,
                credentialsFile: credentialsFile, dataFile: dataFile))
            try await server.start()
        } catch {
            FileHandle.standardError.write(Data("apish sandbox: \(error)\n".utf8))
            throw ExitCode(1)
        }
        var banner = await server.credentialsSummary + "\n"
        do {
            if try SandboxEnvironment.storeSecrets(server.credentials, in: Workspace.current(), creatingEnvironment: false) {
                banner += "\nThese credentials are now the secrets of environments/sandbox.env (kept in the state folder):\n"
                    + "`apish run collections/mautic --env sandbox` and `apish --env sandbox` use this server as they are.\n"
            }
        } catch {
            FileHandle.standardError.write(Data("apish sandbox: the sandbox environment's secrets were not stored: \(error)\n".utf8))
        }
        banner += "\nPress Ctrl-C to stop.\n"
        FileHandle.standardOutput.write(Data(banner.utf8))
        await Self.waitForTermination()
        await server.stop()
    }

    /// Returns on the first SIGINT or SIGTERM.
    private static func waitForTermination() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let once = TerminationLatch(continuation)
            for number in [SIGINT, SIGTERM] {
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: .main)
                source.setEventHandler { once.fire() }
                source.resume()
                once.keep(source)
            }
        }
    }
}

extension SandboxConfiguration.OAuth1Signing: ExpressibleByArgument {}

/// Resumes a continuation exactly once, whichever signal comes first. The signal sources and this latch
/// hold each other, so both live until the process ends.
private final class TerminationLatch: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<Void, Never>?
    private var sources: [any DispatchSourceSignal] = []

    init(_ continuation: CheckedContinuation<Void, Never>) {
        self.continuation = continuation
    }

    func keep(_ source: any DispatchSourceSignal) {
        lock.lock()
        sources.append(source)
        lock.unlock()
    }

    func fire() {
        lock.lock()
        let pending = continuation
        continuation = nil
        lock.unlock()
        pending?.resume()
    }
}

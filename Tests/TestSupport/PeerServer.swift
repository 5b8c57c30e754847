import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A server from another implementation (httpbin, an oauthlib provider…) run on 127.0.0.1 for a test.
/// It is started on a free port, waited for, and killed when the test lets go of it.
public final class PeerServer: @unchecked Sendable {
    public let port: Int
    public var baseURL: String { "http://127.0.0.1:\(port)" }
    private let process: Process

    /// Starts `python3 ARGS…` where `{port}` in the arguments becomes the chosen port.
    public init(python arguments: [String], environment: [String: String] = [:], readyTimeout: Double = 20) throws {
        let port = FreePort.next()
        self.port = port
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments.map { $0.replacingOccurrences(of: "{port}", with: String(port)) }
        var processEnvironment = ProcessInfo.processInfo.environment
        processEnvironment.merge(environment) { $1 }
        process.environment = processEnvironment
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("apish-peer-\(port).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        let deadline = Date().addingTimeInterval(readyTimeout)
        while !FreePort.isListening(port) {
            guard process.isRunning else {
                let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
                throw PeerServerError(message: "python3 \(arguments.joined(separator: " ")) exited: \(output.suffix(2000))")
            }
            guard Date() < deadline else {
                kill(process.processIdentifier, SIGKILL)
                throw PeerServerError(message: "python3 \(arguments.joined(separator: " ")) did not listen on \(port) in \(readyTimeout)s")
            }
            usleep(50_000)
        }
    }

    deinit { stop() }

    /// Kills the server outright: a child started from a Swift concurrency thread inherits a signal mask
    /// that blocks SIGTERM, and nothing here needs a graceful shutdown.
    public func stop() {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    /// httpbin (PyPI) on a free port.
    public static func httpbin() throws -> PeerServer {
        try PeerServer(python: ["-m", "httpbin.core", "--host", "127.0.0.1", "--port", "{port}"])
    }
}

public struct PeerServerError: Error, CustomStringConvertible {
    public let message: String
    public init(message: String) { self.message = message }
    public var description: String { message }
}

/// Runs a command to completion, for tests that drive the `apish` binary or a peer client.
public struct CommandResult: Sendable {
    /// The exit status, or the signal's number when `signalled`.
    public let status: Int32
    /// True when a signal ended the process (a trap, a crash) instead of an exit.
    public let signalled: Bool
    public let stdout: String
    public let stderr: String
}

public enum Command {
    public static func run(
        _ executable: URL, _ arguments: [String], stdin: String? = nil, environment: [String: String] = [:],
        currentDirectory: URL? = nil, timeout: Double = 60
    ) throws -> CommandResult {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var processEnvironment = ProcessInfo.processInfo.environment
        processEnvironment["NO_COLOR"] = "1"
        processEnvironment.merge(environment) { $1 }
        process.environment = processEnvironment
        if let currentDirectory { process.currentDirectoryURL = currentDirectory }
        let folder = try PackagePaths.temporaryFolder("apish-command")
        defer { try? FileManager.default.removeItem(at: folder) }
        let outURL = folder.appendingPathComponent("out"), errURL = folder.appendingPathComponent("err")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        let input = Pipe()
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning {
            if Date() > deadline {
                kill(process.processIdentifier, SIGKILL)
                throw PeerServerError(message: "\(executable.lastPathComponent) \(arguments) ran over \(timeout)s")
            }
            usleep(10_000)
        }
        return CommandResult(
            status: process.terminationStatus,
            signalled: process.terminationReason == .uncaughtSignal,
            stdout: (try? String(contentsOf: outURL, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOf: errURL, encoding: .utf8)) ?? "")
    }

    /// Runs the `apish` binary under test.
    public static func apish(
        _ arguments: [String], stdin: String? = nil, environment: [String: String] = [:], currentDirectory: URL? = nil,
        timeout: Double = 60
    ) throws -> CommandResult {
        try run(PackagePaths.apishBinary, arguments, stdin: stdin, environment: environment,
                currentDirectory: currentDirectory, timeout: timeout)
    }
}

import ArgumentParser
import Foundation
import JSON
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Input, output and error reporting shared by the `fmt` and `query` commands.
enum JSONCommandSupport {
    /// The whole file, or standard input when `path` is nil or "-". An unreadable file is reported
    /// and exits with status 3, apish's status for file and network failures.
    static func readInput(_ path: String?, command: String) throws -> InputBytes {
        let descriptor = try openInput(path, command: command)
        defer { if descriptor != STDIN_FILENO { close(descriptor) } }
        guard let input = InputBytes(reading: descriptor) else { throw unreadable(path, command: command, reason: "read error") }
        return input
    }

    /// The input's descriptor: standard input for nil or "-", else the file opened for reading.
    private static func openInput(_ path: String?, command: String) throws -> Int32 {
        guard let path, path != "-" else { return STDIN_FILENO }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw unreadable(path, command: command, reason: "no such file")
        }
        guard !isDirectory.boolValue else { throw unreadable(path, command: command, reason: "is a directory") }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw unreadable(path, command: command, reason: "permission denied or read error") }
        return descriptor
    }

    private static func unreadable(_ path: String?, command: String, reason: String) -> ExitCode {
        fail(command, path.map { "cannot read \($0): \(reason)" } ?? "cannot read standard input")
        return ExitCode(3)
    }

    /// Reads and validates the input as a document read in place, reporting invalid JSON and exiting 2.
    static func readDocument(_ path: String?, command: String) throws -> JSONDocument {
        let input = try readInput(path, command: command)
        do {
            return try JSONDocument(borrowing: input.buffer, owner: input)
        } catch {
            throw invalidJSON(error, path: path, command: command)
        }
    }

    /// Reports `NAME:LINE:COLUMN: invalid JSON: message` with the offending text; returns exit status 2.
    static func invalidJSON(_ error: JSONParseError, path: String?, command: String) -> ExitCode {
        let name = path.flatMap { $0 == "-" ? nil : $0 } ?? "<stdin>"
        var message = "\(name):\(error.line):\(error.column): invalid JSON: \(error.message)"
        if !error.excerpt.isEmpty {
            message += "\n    \(error.excerpt)\n    \(String(repeating: " ", count: error.excerptCaret))^"
        }
        fail(command, message)
        return ExitCode(2)
    }

    /// Colors only on a terminal, and never with NO_COLOR set (https://no-color.org).
    static var colorsWanted: Bool {
        isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }

    static func writeToStandardOutput(_ chunk: UnsafeBufferPointer<UInt8>) {
        try? FileHandle.standardOutput.write(contentsOf: UnsafeRawBufferPointer(chunk))
    }

    static func writeToStandardOutput(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { writeToStandardOutput($0) }
    }

    static func fail(_ command: String, _ message: String) {
        try? FileHandle.standardError.write(contentsOf: Array("apish \(command): \(message)\n".utf8))
    }
}

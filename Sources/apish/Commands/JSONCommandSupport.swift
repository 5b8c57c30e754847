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
    static func readInput(_ path: String?, command: String) throws -> Data {
        guard let path, path != "-" else {
            return try FileHandle.standardInput.readToEnd() ?? Data()
        }
        var isDirectory: ObjCBool = false
        let reason: String
        if !FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            reason = "no such file"
        } else if isDirectory.boolValue {
            reason = "is a directory"
        } else if let file = FileHandle(forReadingAtPath: path), let data = try? file.readToEnd() ?? Data() {
            // Read until the end rather than for the size the file claims: a pipe or /dev/stdin claims none.
            return data
        } else {
            reason = "permission denied or read error"
        }
        fail(command, "cannot read \(path): \(reason)")
        throw ExitCode(3)
    }

    /// Parses the input, reporting invalid JSON and exiting 2.
    static func parseDocument(_ path: String?, command: String) throws -> JSONValue {
        let data = try readInput(path, command: command)
        do {
            return try JSONValue.parse(data)
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

    static func writeToStandardOutput(_ chunk: [UInt8]) {
        try? FileHandle.standardOutput.write(contentsOf: chunk)
    }

    static func fail(_ command: String, _ message: String) {
        try? FileHandle.standardError.write(contentsOf: Array("apish \(command): \(message)\n".utf8))
    }
}

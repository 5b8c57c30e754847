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
    static func readInput(_ path: String?, command: String) throws -> [UInt8] {
        guard let path, path != "-" else {
            if let bytes = readAll(STDIN_FILENO) { return bytes }
            fail(command, "cannot read standard input")
            throw ExitCode(3)
        }
        var isDirectory: ObjCBool = false
        let reason: String
        if !FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            reason = "no such file"
        } else if isDirectory.boolValue {
            reason = "is a directory"
        } else if let file = FileHandle(forReadingAtPath: path), let bytes = readAll(file.fileDescriptor) {
            return bytes
        } else {
            reason = "permission denied or read error"
        }
        fail(command, "cannot read \(path): \(reason)")
        throw ExitCode(3)
    }

    /// Reads until the end rather than for the size the file claims (a pipe or /dev/stdin claims none),
    /// into one buffer reserved at the claimed size, so a large file is held once, not copied while growing.
    private static func readAll(_ descriptor: Int32) -> [UInt8]? {
        var status = stat()
        var bytes: [UInt8] = []
        if fstat(descriptor, &status) == 0 && status.st_size > 0 {
            bytes.reserveCapacity(Int(status.st_size) + 1)
        }
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count == 0 { return bytes }
            if count < 0 {
                if errno == EINTR { continue }
                return nil
            }
            bytes.append(contentsOf: chunk[0..<count])
        }
    }

    /// Reads and validates the input as a document read in place, reporting invalid JSON and exiting 2.
    static func readDocument(_ path: String?, command: String) throws -> JSONDocument {
        let bytes = try readInput(path, command: command)
        do {
            return try JSONDocument(bytes)
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

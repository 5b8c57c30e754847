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
        let descriptor = try openInput(path, command: command)
        defer { if descriptor != STDIN_FILENO { close(descriptor) } }
        if let bytes = readAll(descriptor) { return bytes }
        throw unreadable(path, command: command, reason: "read error")
    }

    /// Calls `body` with the whole input, as `readInput` reads it, except that a regular file is mapped
    /// into memory rather than copied: for a large file that saves the copy and a fault per page of
    /// the copy. (A file truncated by another process while mapped ends the process, as it would
    /// for any reader of mapped files; the input is read only once, at the start.)
    static func withInput<Result>(
        _ path: String?, command: String, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result
    ) throws -> Result {
        let descriptor = try openInput(path, command: command)
        defer { if descriptor != STDIN_FILENO { close(descriptor) } }
        var status = stat()
        if fstat(descriptor, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG && status.st_size > 0,
            let mapping = map(descriptor, length: Int(status.st_size)) {
            defer { munmap(mapping, Int(status.st_size)) }
            return try body(UnsafeBufferPointer(start: mapping.assumingMemoryBound(to: UInt8.self), count: Int(status.st_size)))
        }
        guard let bytes = readAll(descriptor) else { throw unreadable(path, command: command, reason: "read error") }
        return try bytes.withUnsafeBufferPointer(body)
    }

    private static func map(_ descriptor: Int32, length: Int) -> UnsafeMutableRawPointer? {
        #if os(Linux)
        let flags = MAP_PRIVATE | MAP_POPULATE  // one call maps every page instead of a fault per few pages
        #else
        let flags = MAP_PRIVATE
        #endif
        guard let mapping = mmap(nil, length, PROT_READ, flags, descriptor, 0), mapping != MAP_FAILED else { return nil }
        return mapping
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

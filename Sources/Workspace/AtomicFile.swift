import Foundation
import HTTPExchange

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes that never leave a half file behind: the bytes go to a temporary file in the same folder,
/// are flushed to disk, then renamed over the target in one step.
public enum AtomicFile {
    public static func write(_ bytes: [UInt8], to path: String, mode: mode_t = 0o644) throws {
        let writer = try AtomicFileWriter(path: path, mode: mode)
        try bytes.withUnsafeBytes { buffer in try writer.write(buffer) }
        try writer.finish()
    }

    public static func write(_ text: String, to path: String, mode: mode_t = 0o644) throws {
        try write(Array(text.utf8), to: path, mode: mode)
    }
}

/// A file written piece by piece that appears whole or not at all: a download saved as it arrives,
/// or `AtomicFile`'s one-shot write. Until `finish`, the pieces sit in a temporary file beside the
/// target; a writer dropped unfinished removes it, leaving what was there before.
public final class AtomicFileWriter {
    public let path: String
    private let mode: mode_t
    private let temporary: String
    private var descriptor: Int32
    /// Bytes written so far.
    public private(set) var size = 0

    public init(path: String, mode: mode_t = 0o644) throws(FileError) {
        self.path = path
        self.mode = mode
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        do { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) } catch {
            throw FileError(path: path, reason: "cannot create its folder")
        }
        temporary = folder + "/.\(url.lastPathComponent).\(UInt32.random(in: .min ... .max)).tmp"
        descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL, mode)
        guard descriptor >= 0 else { throw FileError(path: path, reason: String(cString: strerror(errno))) }
    }

    deinit {
        discard()
    }

    /// Leaves the file as it was: what was written so far goes away now rather than when the writer does.
    public func discard() {
        guard descriptor >= 0 else { return }
        close(descriptor)
        unlink(temporary)
        descriptor = -1
    }

    public func write(_ bytes: UnsafeRawBufferPointer) throws(FileError) {
        var written = 0
        while written < bytes.count {
            let result = Foundation.write(descriptor, bytes.baseAddress! + written, bytes.count - written)
            if result < 0 {
                if errno == EINTR { continue }
                throw FileError(path: path, reason: String(cString: strerror(errno)))
            }
            written += result
        }
        size += bytes.count
    }

    /// Flushes the pieces to disk and puts them in place of the file.
    public func finish() throws(FileError) {
        // The mode given to open() is reduced by the umask; secrets must end up exactly 0600.
        fchmod(descriptor, mode)
        fsync(descriptor)
        close(descriptor)
        descriptor = -1
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw FileError(path: path, reason: reason)
        }
    }
}

public struct FileError: Error, Sendable, CustomStringConvertible {
    public let path: String
    public let reason: String
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }
    public var description: String { "cannot write '\(path)': \(reason)" }
}

extension FileError: FileFailure {}

import Foundation
import NIOCore

/// Writes a response body to a file as it arrives, through a temporary file beside it, so that the
/// file appears whole or not at all and a failed download leaves what was there before.
final class BodyFileWriter {
    let path: String
    private let temporary: String
    private var descriptor: Int32
    private(set) var size = 0

    init(path: String) throws(TransportError.Cause) {
        self.path = path
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        temporary = folder + "/.\(url.lastPathComponent).\(UInt32.random(in: .min ... .max)).part"
        descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0 else { throw .cannotSave(path: path, reason: String(cString: strerror(errno))) }
    }

    deinit {
        if descriptor >= 0 {
            close(descriptor)
            unlink(temporary)
        }
    }

    func write(_ chunk: ByteBuffer) throws(TransportError.Cause) {
        let failure: String? = chunk.withUnsafeReadableBytes { buffer in
            var written = 0
            while written < buffer.count {
                let result = Foundation.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if result < 0 {
                    if errno == EINTR { continue }
                    return String(cString: strerror(errno))
                }
                written += result
            }
            return nil
        }
        if let failure { throw .cannotSave(path: path, reason: failure) }
        size += chunk.readableBytes
    }

    /// Puts the complete body in place of the file.
    func finish() throws(TransportError.Cause) {
        close(descriptor)
        descriptor = -1
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw .cannotSave(path: path, reason: reason)
        }
    }
}

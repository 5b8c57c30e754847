import HTTPExchange
import NIOCore
import Workspace

/// Where a response's body goes as it arrives: kept in memory up to a limit, written to a file, or read
/// and dropped (a redirect's, so that the connection can serve again). Lives on the connection's event
/// loop, so a body written to disk holds back further reads until each chunk is written.
final class BodySink {
    enum Destination {
        case memory
        case file(AtomicFileWriter)
        case discard
    }

    private let destination: Destination
    private let limit: BodyLimit
    private(set) var bytes: [UInt8] = []
    private var discarded = 0

    init(_ destination: Destination, limit: BodyLimit) {
        self.destination = destination
        self.limit = limit
    }

    /// Refuses a body past the limit as it arrives rather than once it is all there.
    func take(_ chunk: ByteBuffer) throws {
        switch destination {
        case .memory:
            guard bytes.count + chunk.readableBytes <= limit.bytes else { throw TransportError.Cause.bodyTooLarge(limit) }
            bytes.append(contentsOf: chunk.readableBytesView)
        case .discard:
            discarded += chunk.readableBytes
            guard discarded <= limit.bytes else { throw TransportError.Cause.bodyTooLarge(limit) }
        case .file(let file):
            do {
                try chunk.withUnsafeReadableBytes { buffer throws(FileError) in try file.write(buffer) }
            } catch {
                throw TransportError.Cause.cannotSave(path: file.path, reason: error.reason)
            }
        }
    }

    /// A body cut short leaves no file behind, and none of its pieces either.
    func abandon() {
        if case .file(let file) = destination { file.discard() }
    }

    /// The saved file once it is in place; nil for a body kept in memory or dropped.
    func finish() throws -> HTTPResponse.SavedBody? {
        guard case .file(let file) = destination else { return nil }
        do {
            try file.finish()
        } catch {
            throw TransportError.Cause.cannotSave(path: file.path, reason: error.reason)
        }
        return HTTPResponse.SavedBody(path: file.path, size: file.size)
    }
}

/// Text written piece by piece, buffered, into an ``AtomicFileWriter``: a report of any length is
/// written without being held whole, and appears whole or not at all. `TextOutputStream` cannot
/// throw, so the first failure is kept and thrown by `finish`.
public struct AtomicTextStream: TextOutputStream {
    private let writer: AtomicFileWriter
    private var buffer: [UInt8] = []
    private var failure: FileError?
    private static let bufferSize = 64 * 1024

    public init(path: String) throws(FileError) {
        writer = try AtomicFileWriter(path: path)
        buffer.reserveCapacity(Self.bufferSize)
    }

    public mutating func write(_ text: String) {
        buffer += text.utf8
        if buffer.count >= Self.bufferSize { flush() }
    }

    /// Writes what is buffered and puts the file in place.
    public mutating func finish() throws(FileError) {
        flush()
        if let failure { throw failure }
        try writer.finish()
    }

    private mutating func flush() {
        defer { buffer.removeAll(keepingCapacity: true) }
        guard failure == nil else { return }
        let writer = writer
        failure = buffer.withUnsafeBytes { bytes -> FileError? in
            do throws(FileError) {
                try writer.write(bytes)
                return nil
            } catch {
                return error
            }
        }
    }
}

import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file's entry results kept in a temporary file instead of memory, so a run's memory does not grow
/// with its entries; the reports read them back one at a time. The file loses its name as soon as it
/// is made, so nothing is left behind however the run ends (even killed); its space goes when the last
/// copy of its ``FileResult`` does.
final class EntrySpool: Sendable {
    /// Open for reading and writing; readers read at their own offsets.
    fileprivate let descriptor: Int32
    let fileName: String

    fileprivate init(descriptor: Int32, fileName: String) {
        self.descriptor = descriptor
        self.fileName = fileName
    }

    deinit { close(descriptor) }

    /// Opens a new, empty spool; nil when no temporary file can be made (then results stay in memory).
    static func writer(fileName: String) -> Writer? {
        var template = Array((NSTemporaryDirectory() + "/apish-entries-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { return nil }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        return Writer(spool: EntrySpool(descriptor: descriptor, fileName: fileName))
    }

    /// Appends results, buffered. When a write fails (a full disk), the file is cut back to its last
    /// whole buffer and the entries of the lost buffer are handed back, as every later one is: the
    /// caller keeps them.
    final class Writer {
        private let spool: EntrySpool
        private var buffer: [UInt8] = []
        private var buffered: [EntryResult] = []
        private var written = 0
        private var failed = false

        fileprivate init(spool: EntrySpool) {
            self.spool = spool
            buffer.reserveCapacity(Self.bufferSize)
        }

        private static let bufferSize = 64 * 1024

        /// The entries the spool could not take (none while writing succeeds).
        func append(_ entry: EntryResult) -> [EntryResult] {
            guard !failed else { return [entry] }
            var record = EntryCoding.Encoder()
            record.entry(entry)
            EntryCoding.Encoder.length(record.bytes.count, to: &buffer)
            buffer += record.bytes
            buffered.append(entry)
            return buffer.count >= Self.bufferSize ? flush() : []
        }

        /// The spool, and the entries it could not take.
        func finish() -> (EntrySpool, unwritten: [EntryResult]) {
            let unwritten = flush()
            return (spool, unwritten)
        }

        private func flush() -> [EntryResult] {
            var done = 0
            while done < buffer.count {
                let result = buffer.withUnsafeBytes { Foundation.write(spool.descriptor, $0.baseAddress! + done, $0.count - done) }
                if result < 0, errno == EINTR { continue }
                guard result > 0 else {
                    failed = true
                    ftruncate(spool.descriptor, off_t(written))
                    break
                }
                done += result
            }
            let unwritten = failed ? buffered : []
            if !failed { written += buffer.count }
            buffer.removeAll(keepingCapacity: true)
            buffered.removeAll(keepingCapacity: true)
            return unwritten
        }
    }

    /// Reads the results back in order, a buffer at a time.
    struct Reader: IteratorProtocol {
        private let spool: EntrySpool
        private var offset: off_t = 0
        private var buffer: [UInt8] = []
        private var position = 0

        init(_ spool: EntrySpool) {
            self.spool = spool
        }

        mutating func next() -> EntryResult? {
            guard let length = take(4).map(EntryCoding.Decoder.length), let record = take(length) else { return nil }
            var decoder = EntryCoding.Decoder(bytes: record)
            return decoder.entry(fileName: spool.fileName)
        }

        /// The next `count` bytes, reading more as needed; nil at the end of the file.
        private mutating func take(_ count: Int) -> ArraySlice<UInt8>? {
            while buffer.count - position < count {
                guard let more = read(max(64 * 1024, count)) else { return nil }
                buffer.removeFirst(position)
                position = 0
                buffer += more
            }
            defer { position += count }
            return buffer[position..<position + count]
        }

        private mutating func read(_ count: Int) -> [UInt8]? {
            var bytes = [UInt8](repeating: 0, count: count)
            while true {
                let result = bytes.withUnsafeMutableBytes { pread(spool.descriptor, $0.baseAddress!, count, offset) }
                if result < 0, errno == EINTR { continue }
                guard result > 0 else { return nil }
                offset += off_t(result)
                return Array(bytes[..<result])
            }
        }
    }
}

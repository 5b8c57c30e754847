#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The whole input of a JSON command, held once: a regular file is mapped into memory rather than
/// copied (for a large file that saves the copy and a page fault per page of it); anything else,
/// standard input or a pipe, is read into memory of its own.
///
/// A mapped file truncated by another process while it is read ends the process, as it would for any
/// reader of mapped files; the commands read their input once, right after opening it.
final class InputBytes: @unchecked Sendable {  // immutable after init; freed only by deinit
    let buffer: UnsafeBufferPointer<UInt8>
    private let isMapped: Bool

    /// Everything `descriptor` holds; nil when reading it fails.
    init?(reading descriptor: Int32) {
        var status = stat()
        let statted = fstat(descriptor, &status) == 0
        // A file given as standard input may have been read partly already: only one read from its
        // start is mapped whole.
        if statted && (status.st_mode & S_IFMT) == S_IFREG && status.st_size > 0 && lseek(descriptor, 0, SEEK_CUR) == 0,
            let mapping = Self.map(descriptor, length: Int(status.st_size)) {
            buffer = UnsafeBufferPointer(start: mapping.assumingMemoryBound(to: UInt8.self), count: Int(status.st_size))
            isMapped = true
            return
        }
        // Read until the end rather than for the size the file claims (a pipe or /dev/stdin claims none).
        var capacity = statted && status.st_size > 0 ? Int(status.st_size) + 1 : 1 << 20
        guard var memory = malloc(capacity) else { return nil }
        var count = 0
        while true {
            if count == capacity {
                capacity *= 2
                guard let larger = realloc(memory, capacity) else {
                    free(memory)
                    return nil
                }
                memory = larger
            }
            let read = read(descriptor, memory + count, capacity - count)
            if read == 0 { break }
            if read < 0 {
                if errno == EINTR { continue }
                free(memory)
                return nil
            }
            count += read
        }
        buffer = UnsafeBufferPointer(start: memory.assumingMemoryBound(to: UInt8.self), count: count)
        isMapped = false
    }

    deinit {
        if isMapped {
            munmap(UnsafeMutableRawPointer(mutating: buffer.baseAddress), buffer.count)
        } else {
            free(UnsafeMutableRawPointer(mutating: buffer.baseAddress))
        }
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
}

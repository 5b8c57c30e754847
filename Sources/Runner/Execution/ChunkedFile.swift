import Foundation
import Hurl

/// A Hurl file read from its start in chunks, once for each ``HurlEntryReader`` it makes.
final class ChunkedFile {
    private let handle: FileHandle
    /// The first read that failed, if any; a reader sees it as the end of the file.
    private(set) var readError: (any Error)?

    init(path: String) throws {
        handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
    }

    /// The file's size as it was opened; nil when it cannot be told (a pipe).
    var size: UInt64? {
        guard let end = try? handle.seekToEnd() else { return nil }
        return end
    }

    deinit { try? handle.close() }

    func entries(fileName: String) -> HurlEntryReader {
        do { try handle.seek(toOffset: 0) } catch { readError = error }
        return HurlEntryReader(fileName: fileName) { [self] in
            guard readError == nil else { return nil }
            do {
                guard let data = try handle.read(upToCount: 64 * 1024), !data.isEmpty else { return nil }
                return [UInt8](data)
            } catch {
                readError = error
                return nil
            }
        }
    }
}

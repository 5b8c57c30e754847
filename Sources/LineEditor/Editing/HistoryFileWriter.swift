#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a file atomically and privately: a temporary file created with mode 0600 in the same folder,
/// filled, flushed to disk, then renamed over the destination.
enum HistoryFileWriter {
    static func write(to path: String, fill: (UnsafeMutablePointer<FILE>) -> Bool) throws {
        try createParentFolders(of: path)
        let temporary = "\(path).tmp-\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard descriptor >= 0 else { throw failure(path, "cannot create \(temporary)") }
        guard let file = fdopen(descriptor, "w") else {
            close(descriptor)
            unlink(temporary)
            throw failure(path, "cannot open \(temporary)")
        }
        let filled = fill(file)
        let flushed = fflush(file) == 0 && fsync(descriptor) == 0
        let closed = fclose(file) == 0
        guard filled, flushed, closed else {
            unlink(temporary)
            throw failure(path, "writing failed")
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw failure(path, reason)
        }
    }

    private static func createParentFolders(of path: String) throws {
        var folders: [String] = []
        var folder = parent(of: path)
        while let current = folder, access(current, F_OK) != 0 {
            folders.append(current)
            folder = parent(of: current)
        }
        for current in folders.reversed() where mkdir(current, 0o700) != 0 && errno != EEXIST {
            throw failure(path, "cannot create the folder \(current)")
        }
    }

    private static func parent(of path: String) -> String? {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return nil }
        return String(path[..<slash])
    }

    private static func failure(_ path: String, _ reason: String) -> LineEditorError {
        .cannotWriteHistory(path: path, reason: reason)
    }
}

/// One of N parts of a suite for a CI matrix (`--shard K/N`): a file belongs to the part its path
/// hashes to, so a file stays in its shard whatever other files are added, removed or renamed, and
/// the N parts together are the whole suite.
public struct Shard: Sendable, Equatable {
    /// 1-based, as CI matrices count.
    public let index: Int
    public let count: Int

    /// `K/N` with 1 ≤ K ≤ N.
    public init(_ text: String) throws(RunFailure) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1, (1...count).contains(index) else {
            throw RunFailure("--shard expects K/N with 1 ≤ K ≤ N (such as 2/4), got '\(text)'")
        }
        self.index = index
        self.count = count
    }

    public func contains(_ path: String) -> Bool {
        Int(Self.stableHash(Self.normalized(path)) % UInt64(count)) == index - 1
    }

    /// `./a.hurl` and `a.hurl` name the same file.
    static func normalized(_ path: String) -> String {
        var path = Substring(path)
        while path.hasPrefix("./") { path = path.dropFirst(2) }
        return String(path)
    }

    /// 64-bit FNV-1a over the UTF-8 bytes: the same on every machine and every run, unlike `Hasher`.
    static func stableHash(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return hash
    }
}

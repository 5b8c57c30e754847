/// How far apart two words are, and the did-you-mean suggestion the shell, `apish` and auth profiles
/// make for an unknown command or key.
public enum EditDistance {
    /// Returns the number of single-character edits that turn `a` into `b`.
    ///
    /// Insertions, deletions, substitutions and swaps of two neighbouring characters each count as
    /// one edit (the optimal string alignment distance), since a swap is as common a slip as the others.
    ///
    /// See: https://en.wikipedia.org/wiki/Damerau-Levenshtein_distance
    ///
    /// Examples:
    ///
    ///     EditDistance.between("kitten", "sitting")
    ///     // 3
    ///     EditDistance.between("hepl", "help")
    ///     // 1
    public static func between(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }

    /// Returns the candidate closest to `word`, ignoring letter case, when it is close enough to be a
    /// likely typo: at most one edit for every three characters of `word`, and always at least one.
    /// Of equally close candidates the first wins.
    ///
    /// Examples:
    ///
    ///     EditDistance.closest(to: "sav", among: ["save", "show"])
    ///     // "save"
    ///     EditDistance.closest(to: "ls", among: ["rm", "use"])
    ///     // nil
    public static func closest(to word: String, among candidates: [String]) -> String? {
        let typed = word.lowercased()
        let scored = candidates.map { ($0, between(typed, $0.lowercased())) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= max(1, word.count / 3) else { return nil }
        return best.0
    }
}

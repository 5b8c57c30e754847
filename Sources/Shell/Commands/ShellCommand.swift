/// A shell command: its name, how `help` documents it, and what it does.
public struct ShellCommand: Sendable {
    public let name: String
    public let aliases: [String]
    public let usage: String
    public let summary: String
    /// More lines for `help NAME`, ending with an example.
    public let details: String
    let run: @Sendable (_ session: ShellSession, _ arguments: [String], _ text: String) async throws(ShellError) -> Void

    init(
        name: String, aliases: [String] = [], usage: String, summary: String, details: String = "",
        run: @escaping @Sendable (ShellSession, [String], String) async throws(ShellError) -> Void
    ) {
        self.name = name
        self.aliases = aliases
        self.usage = usage
        self.summary = summary
        self.details = details
        self.run = run
    }
}

enum CommandSuggestion {
    /// The known word closest to `word`, when it is close enough to be a likely typo.
    static func closest(to word: String, among candidates: [String]) -> String? {
        let scored = candidates.map { ($0, distance(word.lowercased(), $0.lowercased())) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= max(1, word.count / 3) else { return nil }
        return best.0
    }

    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(b.count, 1) where j <= b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}

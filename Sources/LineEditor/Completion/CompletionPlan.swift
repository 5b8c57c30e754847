/// What a Tab press does with a completer's candidates: a replacement for the word and/or a list to show.
///
/// One candidate replaces the word and is followed by a space, unless it ends in `/`, `}}`, `=` or `:`
/// (a path, a variable or an item's value goes on). Several candidates replace the word with their longest common prefix when that
/// extends it, and are listed.
struct CompletionPlan: Equatable {
    var replacement: String?
    var listing: [String]

    init(word: Substring, candidates: [String]) {
        var seen = Set<String>()
        let unique = candidates.filter { seen.insert($0).inserted }
        switch unique.count {
        case 0:
            replacement = nil
            listing = []
        case 1:
            let only = unique[0]
            let goesOn = ["/", "}}", "=", ":"].contains { only.hasSuffix($0) }
            replacement = goesOn ? only : only + " "
            listing = []
        default:
            let prefix = Self.commonPrefix(of: unique)
            let extendsWord = prefix.count > word.count && prefix.lowercased().hasPrefix(word.lowercased())
            replacement = extendsWord ? prefix : nil
            listing = unique
        }
    }

    private static func commonPrefix(of words: [String]) -> String {
        guard var prefix = words.first.map({ Substring($0) }) else { return "" }
        for word in words.dropFirst() {
            let mismatch = zip(prefix.indices, word).first { index, character in prefix[index] != character }
            prefix = prefix[..<(mismatch?.0 ?? prefix.index(prefix.startIndex, offsetBy: min(prefix.count, word.count)))]
            if prefix.isEmpty { break }
        }
        return String(prefix)
    }
}

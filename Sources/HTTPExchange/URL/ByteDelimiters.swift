extension StringProtocol where SubSequence == Substring {
    /// The pieces between each `delimiter` byte (an ASCII delimiter of a URL, a query, a header), found by
    /// bytes: a combining mark after a delimiter joins it into one Character, which a split by Characters
    /// would not see, leaving a credential's name and value in one piece that nothing masks. Empty pieces
    /// are kept, as with `omittingEmptySubsequences: false`.
    func split(atByte delimiter: UInt8, maxSplits: Int = .max) -> [Substring] {
        var pieces: [Substring] = []
        var pieceStart = startIndex
        var index = utf8.startIndex
        while index != utf8.endIndex {
            if utf8[index] == delimiter, pieces.count < maxSplits {
                pieces.append(self[pieceStart..<index])
                pieceStart = utf8.index(after: index)
            }
            utf8.formIndex(after: &index)
        }
        pieces.append(self[pieceStart..<endIndex])
        return pieces
    }

    /// Where the first `delimiter` byte is.
    func firstIndex(ofByte delimiter: UInt8) -> Index? {
        utf8.firstIndex(of: delimiter)
    }
}

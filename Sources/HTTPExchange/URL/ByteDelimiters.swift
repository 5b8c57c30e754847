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

/// A set of bytes as a 256-bit map: asked about every byte of a URL or a form field, where hashing each
/// byte into a `Set<UInt8>` cost more than the rest of the work.
public struct ByteSet: Sendable, Hashable {
    private var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    public init(_ bytes: some Sequence<UInt8>) {
        for byte in bytes { insert(byte) }
    }

    public func contains(_ byte: UInt8) -> Bool {
        let bit = UInt64(1) << (byte & 63)
        switch byte >> 6 {
        case 0: return words.0 & bit != 0
        case 1: return words.1 & bit != 0
        case 2: return words.2 & bit != 0
        default: return words.3 & bit != 0
        }
    }

    public mutating func insert(_ byte: UInt8) {
        let bit = UInt64(1) << (byte & 63)
        switch byte >> 6 {
        case 0: words.0 |= bit
        case 1: words.1 |= bit
        case 2: words.2 |= bit
        default: words.3 |= bit
        }
    }

    public func union(_ other: ByteSet) -> ByteSet {
        var result = self
        result.words = (words.0 | other.words.0, words.1 | other.words.1, words.2 | other.words.2, words.3 | other.words.3)
        return result
    }

    public static func == (lhs: ByteSet, rhs: ByteSet) -> Bool {
        lhs.words == rhs.words
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(words.0)
        hasher.combine(words.1)
        hasher.combine(words.2)
        hasher.combine(words.3)
    }
}

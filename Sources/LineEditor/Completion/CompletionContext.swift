/// What a completer is asked about: the whole line, the cursor, and the word being completed.
///
/// The word is the text from the start of the whitespace-separated token under the cursor up to the
/// cursor, except inside an unclosed `{{`: then the word starts at that `{{`, so a completer offering
/// variables returns `{{token}}` and it replaces `{{to` in `/api/{{to`.
public struct CompletionContext: Sendable, Equatable {
    public let line: String
    public let cursor: String.Index
    /// Where the word being completed starts.
    public let wordStart: String.Index

    /// A context with the cursor at `cursor`, or at the end of the line.
    public init(line: String, cursor: String.Index? = nil) {
        self.line = line
        let cursor = cursor ?? line.endIndex
        self.cursor = cursor
        let before = line[..<cursor]
        let tokenStart = before.lastIndex(where: \.isWhitespace).map { line.index(after: $0) } ?? line.startIndex
        let token = line[tokenStart..<cursor]
        if let open = token.ranges(of: "{{").last, !token[open.upperBound...].contains("}}") {
            wordStart = open.lowerBound
        } else {
            wordStart = tokenStart
        }
    }

    /// The text before the cursor.
    public var textBeforeCursor: Substring { line[..<cursor] }

    /// The word being completed (may be empty).
    public var word: Substring { line[wordStart..<cursor] }

    /// The whitespace-separated words before the one being completed (the command and its arguments).
    public var precedingWords: [Substring] { line[..<wordStart].split(whereSeparator: \.isWhitespace) }
}

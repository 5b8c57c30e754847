/// Why a document is not JSON, and where: 1-based line and column (counted in characters),
/// and the text of that line around the column.
public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public let line: Int
    public let column: Int
    public let message: String
    /// Up to 60 characters of the offending line around the column, tabs shown as spaces.
    public let excerpt: String
    /// Where the column falls within `excerpt` (0-based), for drawing a caret.
    public let excerptCaret: Int
    /// Byte offset of the error in the input.
    public let offset: Int

    public init(line: Int, column: Int, message: String, excerpt: String = "", excerptCaret: Int = 0, offset: Int = 0) {
        self.line = line
        self.column = column
        self.message = message
        self.excerpt = excerpt
        self.excerptCaret = excerptCaret
        self.offset = offset
    }

    /// `line 3, column 7: expected ':' after an object key`, then the excerpt and a caret under the column.
    public var description: String {
        var text = "line \(line), column \(column): \(message)"
        if !excerpt.isEmpty {
            text += "\n    " + excerpt + "\n    " + String(repeating: " ", count: excerptCaret) + "^"
        }
        return text
    }

    /// Locates `offset` within `bytes` (only done once, when an error is thrown). Work and memory
    /// stay small even when the whole document is one long line.
    init(message: String, offset: Int, in bytes: UnsafeBufferPointer<UInt8>) {
        let offset = min(max(offset, 0), bytes.count)
        var line = 1
        var lineStart = 0
        for i in 0..<offset where bytes[i] == UInt8(ascii: "\n") {
            line += 1
            lineStart = i + 1
        }
        var column = 1
        for i in lineStart..<offset where bytes[i] & 0xC0 != 0x80 { column += 1 }
        var lineEnd = offset
        while lineEnd < bytes.count && lineEnd - offset < 160
            && bytes[lineEnd] != UInt8(ascii: "\n") && bytes[lineEnd] != UInt8(ascii: "\r") {
            lineEnd += 1
        }
        let before = Self.characters(bytes, max(lineStart, offset - 160), offset)
        let after = Self.characters(bytes, offset, lineEnd)
        let keptBefore = before.suffix(30)
        let keptAfter = after.prefix(30)
        self.init(
            line: line,
            column: column,
            message: message,
            excerpt: String(String.UnicodeScalarView(keptBefore + keptAfter)),
            excerptCaret: keptBefore.count,
            offset: offset
        )
    }

    /// Decoded characters of a byte range; invalid UTF-8 shows as U+FFFD, control characters as spaces.
    private static func characters(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> [Unicode.Scalar] {
        guard start < end else { return [] }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        return text.unicodeScalars.map { $0.value < 0x20 ? " " : $0 }
    }
}

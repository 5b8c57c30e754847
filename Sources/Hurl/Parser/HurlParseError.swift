/// A Hurl file that cannot be read: where, why, and the offending line with a caret under the column.
public struct HurlParseError: Error, Sendable, Hashable, CustomStringConvertible {
    public var fileName: String
    public var line: Int
    public var column: Int
    public var message: String
    /// The text of the offending line, without its newline.
    public var sourceLine: String

    public init(fileName: String, line: Int, column: Int, message: String, sourceLine: String) {
        self.fileName = fileName
        self.line = line
        self.column = column
        self.message = message
        self.sourceLine = sourceLine
    }

    /// Rendered like Hurl's own errors:
    /// ```
    /// error: expected ':' after the key
    ///   --> api.hurl:3:14
    ///    |
    ///  3 | Content-Type application/json
    ///    |              ^
    /// ```
    public var rendered: String {
        let number = String(line)
        let gutter = String(repeating: " ", count: number.count)
        let indent = sourceLine.unicodeScalars.prefix(max(column - 1, 0)).map { $0 == "\t" ? "\t" : " " }.joined()
        return """
        error: \(message)
        \(gutter)--> \(fileName):\(line):\(column)
        \(gutter) |
        \(number) | \(sourceLine)
        \(gutter) | \(indent)^
        """
    }

    public var description: String { "\(fileName):\(line):\(column): \(message)" }
}

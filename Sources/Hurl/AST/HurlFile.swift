/// A parsed Hurl file: its entries in order, plus the comments and blank lines after the last one.
///
/// Every node is a value type; positions are kept as 1-based line numbers so that a result or an
/// assert failure can name `file:line`. Writing a file with ``HurlWriter`` and parsing it again gives
/// an identical value.
public struct HurlFile: Sendable, Hashable {
    public var fileName: String
    public var entries: [HurlEntry]
    /// Blank and comment lines after the last entry.
    public var trailingLines: [HurlTrivia.Line]
    /// Things Hurl accepts that apish does not act on (an unknown option, for instance).
    public var warnings: [HurlParseWarning]

    public init(fileName: String, entries: [HurlEntry], trailingLines: [HurlTrivia.Line] = [], warnings: [HurlParseWarning] = []) {
        self.fileName = fileName
        self.entries = entries
        self.trailingLines = trailingLines
        self.warnings = warnings
    }
}

/// A non-fatal remark about a Hurl file.
public struct HurlParseWarning: Sendable, Hashable, CustomStringConvertible {
    public var fileName: String
    public var line: Int
    public var column: Int
    public var message: String

    public init(fileName: String, line: Int, column: Int, message: String) {
        self.fileName = fileName
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { "warning: \(fileName):\(line):\(column): \(message)" }
}

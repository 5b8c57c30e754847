/// Why a query is not valid, with the 1-based column (in characters) where the problem was found.
public struct JSONPathError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    public let column: Int
    public let query: String

    public init(message: String, column: Int, query: String) {
        self.message = message
        self.column = column
        self.query = query
    }

    /// 0-based character offset of the column.
    public var offset: Int { column - 1 }

    /// `column 5: expected ']'`
    public var description: String { "column \(column): \(message)" }

    /// The query, a caret under the column, and the message:
    /// ```
    /// $.a[1
    ///      ^ expected ',' or ']'
    /// ```
    public var caretDiagram: String {
        let shown = String(String.UnicodeScalarView(query.unicodeScalars.map { $0.value < 0x20 ? " " : $0 }))
        return shown + "\n" + String(repeating: " ", count: max(0, column - 1)) + "^ " + message
    }
}

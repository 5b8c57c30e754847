/// What surrounds a line of a Hurl file without meaning anything to Hurl: the blank and comment
/// lines before it and a comment at its end. Kept so that a written file keeps its comments.
public struct HurlTrivia: Sendable, Hashable {
    public enum Line: Sendable, Hashable {
        case blank
        /// The text after `#`, as written (usually starting with a space).
        case comment(String)
    }

    public var leadingLines: [Line]
    /// The text after `#` of a comment ending the line, if any.
    public var trailingComment: String?

    public init(leadingLines: [Line] = [], trailingComment: String? = nil) {
        self.leadingLines = leadingLines
        self.trailingComment = trailingComment
    }
}

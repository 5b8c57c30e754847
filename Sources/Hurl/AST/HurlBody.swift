/// A request body, or the exact body a response must have.
public struct HurlBody: Sendable, Hashable {
    public enum Content: Sendable, Hashable {
        /// A JSON value as written (may hold `{{name}}` placeholders, unquoted for typed values;
        /// it need not be strict JSON). See ``HurlTemplate/parse(raw:)``.
        case json(String)
        /// An XML document as written.
        case xml(String)
        case multiline(HurlMultilineString)
        /// `` `text` `` on one line.
        case oneline(HurlTemplate)
        /// `base64,...;` — the encoded text as written, spaces trimmed.
        case base64(String)
        /// `hex,...;` — the digits as written, spaces trimmed.
        case hex(String)
        /// `file,path;` — relative to the Hurl file's folder.
        case file(HurlTemplate)
    }

    public var content: Content
    public var trivia: HurlTrivia
    public var line: Int

    public init(_ content: Content, trivia: HurlTrivia = HurlTrivia(), line: Int = 0) {
        self.content = content
        self.trivia = trivia
        self.line = line
    }
}

/// A ```` ``` ```` block: an optional language hint (`json`, `xml`, `graphql`, `base64`, `hex`, or
/// any other word), optional attributes (`escape`, `novariable`) and the text up to the closing fence.
public struct HurlMultilineString: Sendable, Hashable {
    public var language: String?
    public var attributes: [String]
    /// Every line between the fences, each with its newline.
    public var text: String

    public init(language: String? = nil, attributes: [String] = [], text: String) {
        self.language = language
        self.attributes = attributes
        self.text = text
    }
}

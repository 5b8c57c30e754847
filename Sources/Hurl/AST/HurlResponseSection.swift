/// A `[Captures]` or `[Asserts]` section of a response.
public struct HurlResponseSection: Sendable, Hashable {
    public enum Content: Sendable, Hashable {
        case captures([HurlCapture])
        case asserts([HurlAssert])
    }

    public var name: String
    public var content: Content
    public var trivia: HurlTrivia
    public var line: Int

    public init(name: String, content: Content, trivia: HurlTrivia = HurlTrivia(), line: Int = 0) {
        self.name = name
        self.content = content
        self.trivia = trivia
        self.line = line
    }
}

/// `name: query filter* [redact]` — stores a value from the response into a variable.
public struct HurlCapture: Sendable, Hashable {
    public var name: HurlTemplate
    public var query: HurlQuery
    public var filters: [HurlFilter]
    /// `redact`: the value is a secret and is masked in output.
    public var redacted: Bool
    public var trivia: HurlTrivia
    public var line: Int

    public init(name: HurlTemplate, query: HurlQuery, filters: [HurlFilter] = [], redacted: Bool = false,
                trivia: HurlTrivia = HurlTrivia(), line: Int = 0) {
        self.name = name
        self.query = query
        self.filters = filters
        self.redacted = redacted
        self.trivia = trivia
        self.line = line
    }
}

/// `query filter* predicate` — one check on the response.
public struct HurlAssert: Sendable, Hashable {
    public var query: HurlQuery
    public var filters: [HurlFilter]
    public var predicate: HurlPredicate
    public var trivia: HurlTrivia
    public var line: Int

    public init(query: HurlQuery, filters: [HurlFilter] = [], predicate: HurlPredicate, trivia: HurlTrivia = HurlTrivia(), line: Int = 0) {
        self.query = query
        self.filters = filters
        self.predicate = predicate
        self.trivia = trivia
        self.line = line
    }
}

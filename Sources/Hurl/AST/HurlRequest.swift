/// The request half of an entry: `METHOD url`, headers, sections and an optional body.
public struct HurlRequest: Sendable, Hashable {
    /// Any upper-case word: GET, POST, ... or a custom method.
    public var method: String
    public var url: HurlTemplate
    public var headers: [HurlKeyValue]
    public var sections: [HurlRequestSection]
    public var body: HurlBody?
    public var trivia: HurlTrivia
    public var line: Int

    public init(method: String, url: HurlTemplate, headers: [HurlKeyValue] = [], sections: [HurlRequestSection] = [],
                body: HurlBody? = nil, trivia: HurlTrivia = HurlTrivia(), line: Int = 0) {
        self.method = method
        self.url = url
        self.headers = headers
        self.sections = sections
        self.body = body
        self.trivia = trivia
        self.line = line
    }

    /// Whether `method` can stand in a Hurl file: upper-case ASCII letters only, as Hurl's grammar has it.
    public static func isValidMethod(_ method: some StringProtocol) -> Bool {
        !method.isEmpty && method.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) }
    }

    public var queryParams: [HurlKeyValue] { sections.flatMap { section -> [HurlKeyValue] in if case .query(let items) = section.content { return items }; return [] } }
    public var formParams: [HurlKeyValue] { sections.flatMap { section -> [HurlKeyValue] in if case .form(let items) = section.content { return items }; return [] } }
    public var multipartFields: [HurlMultipartField] { sections.flatMap { section -> [HurlMultipartField] in if case .multipart(let items) = section.content { return items }; return [] } }
    public var cookies: [HurlKeyValue] { sections.flatMap { section -> [HurlKeyValue] in if case .cookies(let items) = section.content { return items }; return [] } }
    public var basicAuth: HurlKeyValue? { sections.lazy.compactMap { section -> HurlKeyValue? in if case .basicAuth(let items) = section.content { return items.first }; return nil }.first }
    public var options: [HurlOption] { sections.flatMap { section -> [HurlOption] in if case .options(let items) = section.content { return items }; return [] } }
}

/// `key: value` — a header, a query or form parameter, a cookie or the `[BasicAuth]` user.
/// An empty value (`X-Empty:`) is allowed.
public struct HurlKeyValue: Sendable, Hashable {
    public var key: HurlTemplate
    public var value: HurlTemplate
    public var trivia: HurlTrivia
    public var line: Int

    public init(key: HurlTemplate, value: HurlTemplate, trivia: HurlTrivia = HurlTrivia(), line: Int = 0) {
        self.key = key
        self.value = value
        self.trivia = trivia
        self.line = line
    }
}

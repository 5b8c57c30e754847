import HTTPExchange

/// One request of this run and what came back, numbered for `history`, `show N` and `q N`.
public struct ExchangeRecord: Sendable {
    public let number: Int
    /// As composed, templates kept: what `save` writes.
    public let spec: RequestSpec
    public let options: RequestOptions
    /// As sent, after expansion and auth.
    public let request: HTTPRequest
    public let response: HTTPResponse
    public let environment: String?
    /// `expect` lines checked against this response, in Hurl assert syntax, for `save`.
    public var expectations: [String] = []
    /// `set NAME = QUERY` captures taken from this response, for `save`.
    public var captures: [(name: String, query: String)] = []
}

import HTTPExchange
import Hurl

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
    /// The auth profile that signed it, if one did: `save` writes it as `# @auth NAME`.
    public let authProfile: String?
    /// `expect` lines checked against this response, in Hurl assert syntax, for `save`.
    public var expectations: [HurlAssert] = []
    /// `set NAME = QUERY` captures taken from this response, for `save`.
    public var captures: [HurlCapture] = []
}

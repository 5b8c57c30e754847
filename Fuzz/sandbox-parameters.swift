import HTTPExchange
import JSON

/// A request as the sandbox reads it, before any route runs: the first line is the query string, the
/// second the `Authorization` header, the third the content type, the rest the body. The sandbox decodes
/// query and form pairs (PHP's bracketed names), JSON bodies, the OAuth 1 parameters from header, query
/// and body, Basic credentials, a bearer token, and the contacts list's parameters (`where`, `search`,
/// `orderBy`). Bad input must become a Mautic error envelope, never a trap.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSandboxParameters(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let parts = FuzzInput(data, size).text.split(separator: "\n", maxSplits: 3, omittingEmptySubsequences: false)
    func part(_ index: Int) -> String { index < parts.count ? String(parts[index]) : "" }
    for method in ["GET", "POST"] {
        let request = SandboxRequest(
            method: method, path: "/api/contacts", query: part(0),
            headers: [("Authorization", part(1)), ("Content-Type", part(2)), ("Host", "127.0.0.1:8181")],
            body: Array(part(3).utf8))
        guard let parameters = try? RequestParameters(request) else { continue }
        _ = OAuth1Parameters(request, parameters: parameters)
        _ = BasicCredentials(header: request.header("authorization"))
        _ = try? BearerToken.find(in: request, parameters: parameters)
        _ = try? ContactListQuery(parameters.query)
        if let body = parameters.bodyObject { _ = try? ContactListQuery(body) }
    }
    return 0
}

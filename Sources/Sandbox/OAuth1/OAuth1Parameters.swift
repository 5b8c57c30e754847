import Foundation

/// The OAuth parameters of a request, merged from the `Authorization: OAuth` header, the query and a
/// form body (query and body win over the header, as in Mautic), plus every pair the signature covers.
struct OAuth1Parameters: Sendable {
    let oauth: [String: String]
    /// All signed pairs, decoded: query, form body and header `oauth_*` (not `realm`, not `oauth_signature`).
    let signedPairs: [(String, String)]

    init(_ request: SandboxRequest, parameters: RequestParameters) {
        let headerPairs = Self.headerPairs(request.header("authorization"))
        let requestPairs = parameters.queryPairs + parameters.formPairs
        var oauth: [String: String] = [:]
        for (name, value) in headerPairs + requestPairs where name.hasPrefix("oauth_") { oauth[name] = value }
        self.oauth = oauth
        let requestNames = Set(requestPairs.map(\.0))
        signedPairs = (requestPairs + headerPairs.filter { !requestNames.contains($0.0) })
            .filter { $0.0 != "oauth_signature" && $0.0 != "realm" }
    }

    /// Mautic's client sends this header unquoted (`OAuth k=v, k=v`); RFC 5849 clients quote and percent-encode.
    static func headerPairs(_ header: String?) -> [(String, String)] {
        guard let header, header.count > 6, header.prefix(6).lowercased() == "oauth " else { return [] }
        return header.dropFirst(6).split(separator: ",").compactMap { part in
            let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard pieces.count == 2 else { return nil }
            let name = pieces[0].trimmingCharacters(in: .whitespaces)
            var value = pieces[1].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
            return (FormEncoding.decode(name), value.removingPercentEncoding ?? value)
        }
    }

    static func isPresent(in request: SandboxRequest, parameters: RequestParameters) -> Bool {
        if let header = request.header("authorization"), header.lowercased().hasPrefix("oauth ") { return true }
        return (parameters.queryPairs + parameters.formPairs).contains { $0.0 == "oauth_consumer_key" }
    }
}

import HTTPExchange

/// The `Authorization: OAuth …` header of RFC 5849 §3.5.1: writing it for clients, reading it for servers.
public enum OAuth1AuthorizationHeader {
    /// `OAuth realm="…", oauth_consumer_key="…", …` with names and values percent-encoded and quoted.
    public static func render(_ parameters: [(String, String)], realm: String? = nil) -> String {
        var parts: [String] = []
        if let realm { parts.append("realm=\"\(realm.replacingOccurrences(of: "\"", with: "\\\""))\"") }
        parts += parameters.map { OAuthPercentEncoding.encode($0.0) + "=\"" + OAuthPercentEncoding.encode($0.1) + "\"" }
        return "OAuth " + parts.joined(separator: ", ")
    }

    /// The decoded parameters of an `OAuth` header, `realm` left out (it is never signed); nil when the
    /// header is not an OAuth one. Quotes are optional, as Mautic's api-library sends them bare.
    public static func parse(_ header: String) -> [(String, String)]? {
        let trimmed = header.drop { $0 == " " }
        guard trimmed.count >= 5, trimmed.prefix(5).lowercased() == "oauth" else { return nil }
        let rest = trimmed.dropFirst(5)
        guard rest.isEmpty || rest.first == " " else { return nil }
        var pairs: [(String, String)] = []
        for item in rest.split(separator: ",") {
            let pair = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = pair[0].trimmingCharacters(in: " \t")
            guard !name.isEmpty else { continue }
            var value = pair.count > 1 ? pair[1].trimmingCharacters(in: " \t") : ""
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
                value = String(value.dropFirst().dropLast())
            }
            guard name != "realm" else { continue }
            pairs.append((percentDecode(name), percentDecode(value)))
        }
        return pairs
    }

    private static func percentDecode(_ text: String) -> String {
        PercentEncoding.decode(text, plusAsSpace: false)
    }
}

extension Substring {
    func trimmingCharacters(in set: String) -> String {
        var slice = self
        while let first = slice.first, set.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, set.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}

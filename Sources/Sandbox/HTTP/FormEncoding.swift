import Foundation

/// `application/x-www-form-urlencoded` text: decoding pairs and encoding values.
enum FormEncoding {
    static func pairs(_ text: String) -> [(String, String)] {
        text.split(separator: "&", omittingEmptySubsequences: true).map { part in
            let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = decode(String(pieces[0]))
            let value = pieces.count > 1 ? decode(String(pieces[1])) : ""
            return (name, value)
        }
    }

    static func decode(_ text: String) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }

    private static let unreserved = CharacterSet(charactersIn:
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
    }

    /// Appends `pairs` to `url` as a query, after `?` or `&` as the URL already needs.
    static func appendingQuery(_ pairs: [(String, String)], to url: String) -> String {
        let query = pairs.map { "\(encode($0.0))=\(encode($0.1))" }.joined(separator: "&")
        guard !query.isEmpty else { return url }
        return url + (url.contains("?") ? "&" : "?") + query
    }
}

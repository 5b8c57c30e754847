/// A filter applied to a query's value before the predicate or capture, e.g. `count`, `nth 0`,
/// `replace /a+/ "b"`. Kept by name with its arguments; ``signatures`` lists what Hurl defines.
public struct HurlFilter: Sendable, Hashable {
    public enum Argument: Sendable, Hashable {
        case string(HurlTemplate)
        case regex(String)
        case integer(Int)
    }

    public enum ArgumentKind: Sendable, Hashable {
        case string
        /// A quoted string or a regex literal.
        case pattern
        case integer
    }

    public var name: String
    public var arguments: [Argument]

    public init(name: String, arguments: [Argument] = []) {
        self.name = name
        self.arguments = arguments
    }

    /// Every filter of the Hurl grammar and the arguments it takes.
    public static let signatures: [String: [ArgumentKind]] = [
        "base64Decode": [], "base64Encode": [], "base64UrlSafeDecode": [], "base64UrlSafeEncode": [],
        "count": [], "dateFormat": [.string], "daysAfterNow": [], "daysBeforeNow": [], "decode": [.string], "first": [],
        "format": [.string], "htmlEscape": [], "htmlUnescape": [], "jsonpath": [.string], "last": [],
        "location": [], "nth": [.integer], "regex": [.pattern], "replace": [.pattern, .string],
        "replaceRegex": [.pattern, .string], "split": [.string], "toDate": [.string], "toFloat": [],
        "toHex": [], "toInt": [], "toString": [], "urlDecode": [], "urlEncode": [],
        "urlQueryParam": [.string], "utf8Decode": [], "utf8Encode": [], "xpath": [.string],
    ]
}

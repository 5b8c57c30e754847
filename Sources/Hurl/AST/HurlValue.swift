/// A literal on the right of a predicate.
public enum HurlValue: Sendable, Hashable {
    /// `"text"`, escapes resolved, placeholders kept.
    case string(HurlTemplate)
    /// A number literal as written (`42`, `-1`, `3.14`, `1e3`).
    case number(String)
    case bool(Bool)
    case null
    /// `{{name}}` outside quotes: the variable's typed value.
    case placeholder(HurlPlaceholder)
    /// `/pattern/` with `\/` turned into `/`.
    case regex(String)
    /// `` `text` ``.
    case oneline(HurlTemplate)
    case multiline(HurlMultilineString)
    case base64(String)
    case hex(String)
    case file(HurlTemplate)
}

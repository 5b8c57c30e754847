extension HurlWriter {
    /// The canonical text of one assert line, e.g. `jsonpath "$.id" count == 2`, for reports.
    public static func text(of assert: HurlAssert) -> String {
        var text = HurlSyntax.query(assert.query)
        text += assert.filters.map { " " + HurlSyntax.filter($0) }.joined()
        return text + " " + HurlSyntax.predicate(assert.predicate)
    }

    /// The canonical text of one capture line, e.g. `id: jsonpath "$.id"`.
    public static func text(of capture: HurlCapture) -> String {
        var text = "\(HurlEscaping.keyString(capture.name)): \(HurlSyntax.query(capture.query))"
        text += capture.filters.map { " " + HurlSyntax.filter($0) }.joined()
        return capture.redacted ? text + " redact" : text
    }

    public static func text(of query: HurlQuery) -> String { HurlSyntax.query(query) }

    public static func text(of filter: HurlFilter) -> String { HurlSyntax.filter(filter) }

    public static func text(of value: HurlValue) -> String { HurlSyntax.value(value) }
}

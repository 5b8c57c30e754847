/// How a value is written: compact (no whitespace) or pretty (one member or element per line,
/// `"key": value`, like `jq .`), optionally colored per token kind.
public struct JSONStyle: Sendable, Hashable {
    public var pretty: Bool
    public var indentWidth: Int
    public var colors: JSONColors?

    public init(pretty: Bool = false, indentWidth: Int = 2, colors: JSONColors? = nil) {
        self.pretty = pretty
        self.indentWidth = indentWidth
        self.colors = colors
    }

    public static let compact = JSONStyle()
    public static let pretty = JSONStyle(pretty: true)

    public func colored(_ colors: JSONColors = .default) -> JSONStyle {
        var style = self
        style.colors = colors
        return style
    }
}

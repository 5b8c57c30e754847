/// ANSI SGR parameters (the part between `ESC[` and `m`) per kind of token.
public struct JSONColors: Sendable, Hashable {
    public var key: String
    public var string: String
    public var number: String
    public var bool: String
    public var null: String
    public var punctuation: String

    public init(key: String, string: String, number: String, bool: String, null: String, punctuation: String) {
        self.key = key
        self.string = string
        self.number = number
        self.bool = bool
        self.null = null
        self.punctuation = punctuation
    }

    /// Bold blue keys, green strings, cyan numbers, yellow booleans, grey null, default punctuation.
    public static let `default` = JSONColors(
        key: "1;34", string: "32", number: "36", bool: "33", null: "90", punctuation: "1;39"
    )
}

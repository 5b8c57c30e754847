/// A shell command: its name, how `help` documents it, and what it does.
public struct ShellCommand: Sendable {
    public let name: String
    public let aliases: [String]
    public let usage: String
    public let summary: String
    /// More lines for `help NAME`, ending with an example.
    public let details: String
    let run: @Sendable (_ session: ShellSession, _ arguments: [String], _ text: String) async throws(ShellError) -> Void

    init(
        name: String, aliases: [String] = [], usage: String, summary: String, details: String = "",
        run: @escaping @Sendable (ShellSession, [String], String) async throws(ShellError) -> Void
    ) {
        self.name = name
        self.aliases = aliases
        self.usage = usage
        self.summary = summary
        self.details = details
        self.run = run
    }
}

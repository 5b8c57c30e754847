/// What a login flow needs from the person at the keyboard. The shell implements it on the terminal;
/// tests implement it with scripted answers.
public protocol AuthInteraction: Sendable {
    /// A line of progress or instruction, e.g. the authorization URL (always shown).
    func show(_ line: String)
    /// Opens `url` in a browser; failing to is not an error, since the URL was also shown.
    func openBrowser(_ url: String)
    /// Asks a question; `secret` answers are read without echo. Nil when there is no one to answer
    /// (end of input), which cancels the flow.
    func ask(_ prompt: String, secret: Bool) async -> String?
}

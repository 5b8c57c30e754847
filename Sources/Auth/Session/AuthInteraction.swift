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
    /// Before a browser leg shows and opens `url`: where `auth login --step` pauses. Throwing stops the login.
    func willOpen(_ leg: AuthLeg, url: String) async throws
    /// A browser leg came back through the redirect URI (or the callback) with these parameters.
    func redirected(_ leg: AuthLeg, parameters: [(String, String)])
}

/// Only a watched login (`RecordingInteraction`) cares about the browser legs.
extension AuthInteraction {
    public func willOpen(_ leg: AuthLeg, url: String) async throws {}
    public func redirected(_ leg: AuthLeg, parameters: [(String, String)]) {}
}

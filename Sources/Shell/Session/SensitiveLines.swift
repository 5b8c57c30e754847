extension ShellSession {
    public static let version = "0.1.0"

    /// Lines that carry a secret never reach the history file: a secret's value typed inline, a
    /// password on an auth line, an Authorization header typed by hand.
    public static func carriesSecret(_ line: String) -> Bool {
        guard let words = try? CommandTokenizer.split(line.split(separator: "\n").first.map(String.init) ?? "") else {
            return true
        }
        switch words.first {
        case "env": return words.count > 3 && words[1] == "secret" && words[3] != "--from"
        case "auth": return words.contains { ["--password", "--secret", "--client-secret", "--token"].contains($0) }
        default: return words.contains { $0.lowercased().hasPrefix("authorization:") || $0.lowercased().hasPrefix("proxy-authorization:") }
        }
    }
}

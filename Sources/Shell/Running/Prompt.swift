/// `apish [sandbox • oauth2 ✓]> `: where requests go, and with which credentials.
enum Prompt {
    static func render(_ session: ShellSession) -> String {
        let style = session.output.style
        var parts: [String] = []
        if let environment = session.environmentName { parts.append(style.paint(environment, .cyan)) }
        if let auth = session.authSummary { parts.append(auth) }
        let context = parts.isEmpty ? "" : " [" + parts.joined(separator: " • ") + "]"
        return style.paint("apish", .bold) + context + "> "
    }
}

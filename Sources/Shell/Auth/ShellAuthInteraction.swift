import Auth

/// Login flows talk to the person through the shell: lines on the terminal, the browser, questions
/// asked without echo. In a script nobody answers, so a question cancels the flow with a clear message.
struct ShellAuthInteraction: AuthInteraction {
    let session: ShellSession

    func show(_ line: String) {
        session.output.line(line)
    }

    func openBrowser(_ url: String) {
        if !BrowserLauncher.open(url, browser: session.processEnvironment["BROWSER"]) {
            session.output.line(session.output.style.paint("(no browser could be opened: open the URL above yourself)", .dim))
        }
    }

    func ask(_ prompt: String, secret: Bool) async -> String? {
        if let reader = session.secretReader, secret { return reader(prompt) }
        return session.lineReader?(prompt)
    }
}

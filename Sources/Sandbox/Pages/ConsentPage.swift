import HTTPExchange

/// The login and consent page shared by the OAuth 1.0a and OAuth 2 authorize endpoints.
struct ConsentPage {
    var title: String
    var clientDescription: String
    var action: String
    var hiddenFields: [(String, String)]
    var error: String?

    func render() -> SandboxResponse {
        let hidden = hiddenFields.map {
            "<input type=\"hidden\" name=\"\(MarkupEscaping.escape($0.0))\" value=\"\(MarkupEscaping.escape($0.1))\">"
        }.joined(separator: "\n      ")
        return PageDocument.render(title: title, body: """
            <p>\(MarkupEscaping.escape(clientDescription)) is asking to access the API on your behalf. Log in to allow it.</p>
              \(PageDocument.errorLine(error))
              <form method="post" action="\(MarkupEscaping.escape(action))">
                  \(hidden)
                <label>Username <input type="text" name="username" autocomplete="username"></label>
                <label>Password <input type="password" name="password" autocomplete="current-password"></label>
                <button type="submit" name="approve" value="1">Accept</button>
                <button type="submit" name="deny" value="1">Deny</button>
              </form>
            """)
    }
}

/// The login and consent page shared by the OAuth 1.0a and OAuth 2 authorize endpoints.
struct ConsentPage {
    var title: String
    var clientDescription: String
    var action: String
    var hiddenFields: [(String, String)]
    var error: String?

    func render() -> SandboxResponse {
        let hidden = hiddenFields.map {
            "<input type=\"hidden\" name=\"\(HTMLEscaping.escape($0.0))\" value=\"\(HTMLEscaping.escape($0.1))\">"
        }.joined(separator: "\n      ")
        let errorLine = error.map { "<p class=\"error\" role=\"alert\">\(HTMLEscaping.escape($0))</p>" } ?? ""
        let page = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <title>\(HTMLEscaping.escape(title))</title>
          <style>
            body { font-family: sans-serif; max-width: 28em; margin: 3em auto; }
            label { display: block; margin: .6em 0; }
            .error { color: #b00; }
            button { margin-right: 1em; }
          </style>
        </head>
        <body>
          <h1>\(HTMLEscaping.escape(title))</h1>
          <p>\(HTMLEscaping.escape(clientDescription)) is asking to access the API on your behalf. Log in to allow it.</p>
          \(errorLine)
          <form method="post" action="\(HTMLEscaping.escape(action))">
              \(hidden)
            <label>Username <input type="text" name="username" autocomplete="username"></label>
            <label>Password <input type="password" name="password" autocomplete="current-password"></label>
            <button type="submit" name="approve" value="1">Accept</button>
            <button type="submit" name="deny" value="1">Deny</button>
          </form>
        </body>
        </html>
        """
        return .html(page)
    }
}

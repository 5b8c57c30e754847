import HTTPExchange

/// The frame every sandbox page shares (consent, device code): one small, script-free HTML document.
enum PageDocument {
    /// `body` is HTML already escaped by the caller; the title is escaped here.
    static func render(title: String, body: String, status: Int = 200) -> SandboxResponse {
        .html("""
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <title>\(MarkupEscaping.escape(title))</title>
              <style>
                body { font-family: sans-serif; max-width: 28em; margin: 3em auto; }
                label { display: block; margin: .6em 0; }
                .error { color: #b00; }
                button { margin-right: 1em; }
              </style>
            </head>
            <body>
              <h1>\(MarkupEscaping.escape(title))</h1>
              \(body)
            </body>
            </html>
            """, status: status)
    }

    /// An error shown above a form, announced to screen readers.
    static func errorLine(_ message: String?) -> String {
        message.map { "<p class=\"error\" role=\"alert\">\(MarkupEscaping.escape($0))</p>" } ?? ""
    }
}

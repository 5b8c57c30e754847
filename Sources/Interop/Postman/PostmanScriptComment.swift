import Hurl

/// How an import keeps a script it could not convert: a marker comment, then the script's lines
/// indented under it. Export reads the same form back into the script.
enum PostmanScriptComment {
    static let indent = "   "

    /// `listen` is Postman's event name: `test` or `prerequest`.
    static func marker(listen: String) -> String {
        " Postman \(listen == "test" ? "test script" : "pre-request script") (not converted):"
    }

    static func lines(listen: String, _ source: [String]) -> [HurlTrivia.Line] {
        [.comment(marker(listen: listen))] + source.map { .comment(indent + $0.replacing("\r", with: "")) }
    }

    /// The scripts held in comment lines, by event name, and the first other comment (an entry's name).
    static func read(_ lines: [HurlTrivia.Line]) -> (name: String?, scripts: [String: [String]]) {
        let markers = Dictionary(uniqueKeysWithValues: ["test", "prerequest"].map { (marker(listen: $0), $0) })
        var name: String?
        var scripts: [String: [String]] = [:]
        var current: String?
        for line in lines {
            guard case .comment(let text) = line else {
                current = nil
                continue
            }
            if let listen = markers[text] {
                current = listen
            } else if let listen = current, text.hasPrefix(indent) {
                scripts[listen, default: []].append(String(text.dropFirst(indent.count)))
            } else {
                current = nil
                if name == nil, !text.trimmingJS().isEmpty { name = text.trimmingJS() }
            }
        }
        return (name, scripts)
    }
}

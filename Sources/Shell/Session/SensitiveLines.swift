import HTTPExchange
import JSON

extension ShellSession {
    public static let version = "0.1.0"

    /// Lines that carry a secret never reach the history file: a secret's value given inline
    /// (`env secret NAME VALUE`, `auth secret NAME KEY VALUE`), a credential typed by hand — a header,
    /// query, form or JSON field, or profile setting under a credential name (`X-Api-Key:…`,
    /// `token=…`, `-u user:pass`), a URL with a password in it — or any value this shell knows is a secret.
    public func carriesSecret(_ text: String) -> Bool {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let words = try? CommandTokenizer.split(String(lines.first ?? "")) else { return true }
        let redactor = redactor
        let rest = lines.dropFirst().joined(separator: "\n")
        if let body = try? JSONValue.parse(Array(rest.utf8)), redactor.json(body) != nil { return true }
        if words.starts(with: ["env", "secret"]) { return words.count > 3 && words[3] != "--from" }
        if words.starts(with: ["auth", "secret"]) { return words.count > 4 }
        // A pasted token is a credential whatever its shape.
        if words.starts(with: ["jwt", "decode"]) { return words.count > 2 }
        if words.starts(with: ["auth", "set"]), words.count > 4, CredentialNames.isCredentialParameter(words[3]) { return true }
        return words.indices.contains { index in
            let word = words[index]
            if ["-u", "--user", "--password", "--secret", "--client-secret", "--token"].contains(word) { return true }
            if ["-H", "--header"].contains(word), index + 1 < words.count, Self.isCredentialItem(words[index + 1]) { return true }
            return redactor.isSecret(word) || Self.isCredentialItem(word) || Self.hasPassword(word)
                || (try? CommandTokenizer.split(word)).map { $0.count > 1 && carriesSecret($0.joined(separator: " ")) } == true
        }
    }

    /// `Name:value`, `name=value`, `name==value`, `name:=value` with a credential name and a value.
    private static func isCredentialItem(_ word: String) -> Bool {
        // By bytes: a combining mark after the separator joins it into one Character.
        guard let separator = word.utf8.firstIndex(where: { $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: "=") }) else { return false }
        let name = word[..<separator]
        let value = word[separator...].drop { $0 == ":" || $0 == "=" || $0 == " " }
        return !value.isEmpty && CredentialNames.isCredentialParameter(name)
    }

    /// `scheme://user:password@host`.
    private static func hasPassword(_ word: String) -> Bool {
        URLText(word)?.password != nil
    }
}

/// Mautic's `search` parameter: words match name, email or company; `email:`, `tag:`, `is:anonymous`
/// and `<field alias>:` narrow to one column; `!` negates a term; quotes keep spaces and match exactly.
struct ContactSearch: Sendable {
    private struct Term {
        var command: String?
        var text: String
        var negated: Bool
        var exact: Bool
    }

    private let terms: [Term]

    init(_ text: String) {
        terms = Self.words(text).map { word in
            var word = word
            var negated = false
            if word.hasPrefix("!") { negated = true; word.removeFirst() }
            var command: String?
            if let colon = word.firstIndex(of: ":"), colon != word.startIndex {
                command = word[..<colon].lowercased()
                word = String(word[word.index(after: colon)...])
            }
            let exact = word.count >= 2 && word.hasPrefix("\"") && word.hasSuffix("\"")
            if exact { word = String(word.dropFirst().dropLast()) }
            return Term(command: command, text: word, negated: negated, exact: exact)
        }
    }

    func matches(_ contact: Contact) -> Bool {
        terms.allSatisfy { term in matches(term, contact) != term.negated }
    }

    private func matches(_ term: Term, _ contact: Contact) -> Bool {
        let wanted = term.text.lowercased()
        let test: (String?) -> Bool = { value in
            guard let value = value?.lowercased() else { return false }
            return term.exact ? value == wanted : value.contains(wanted)
        }
        switch term.command {
        case nil:
            return ["firstname", "lastname", "email", "company"].contains { test(contact.value(of: $0)) }
        case "is":
            return wanted == "anonymous" ? contact.isAnonymous : false
        case "tag":
            return contact.tags.contains { test($0) }
        case "name":
            return test(contact.value(of: "firstname")) || test(contact.value(of: "lastname"))
        case let command?:
            if ContactField.aliases.contains(command) { return test(contact.value(of: command)) }
            return ["firstname", "lastname", "email", "company"].contains { test(contact.value(of: $0)) }
        }
    }

    private static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        var quoted = false
        for character in text {
            if character == "\"" { quoted.toggle() }
            if character.isWhitespace, !quoted {
                if !current.isEmpty { words.append(current) }
                current = ""
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }
}

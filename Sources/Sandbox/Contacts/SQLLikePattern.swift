/// A SQL LIKE pattern (`%` any run, `_` one character, `\` escapes), matched case-insensitively as MySQL's default collation does.
struct SQLLikePattern: Sendable {
    private enum Token: Equatable {
        case literal(Character)
        case anyRun
        case anyOne
    }

    private let tokens: [Token]

    init(_ pattern: String) {
        var tokens: [Token] = []
        var escaped = false
        for character in pattern.lowercased() {
            if escaped {
                tokens.append(.literal(character))
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "%" {
                if tokens.last != .anyRun { tokens.append(.anyRun) }
            } else if character == "_" {
                tokens.append(.anyOne)
            } else {
                tokens.append(.literal(character))
            }
        }
        self.tokens = tokens
    }

    /// Iterative matching with one backtrack point: linear in practice, never recursive.
    func matches(_ text: String) -> Bool {
        let characters = Array(text.lowercased())
        var t = 0, c = 0
        var starToken = -1, starCharacter = 0
        while c < characters.count {
            if t < tokens.count, tokens[t] == .anyOne || tokens[t] == .literal(characters[c]) {
                t += 1
                c += 1
            } else if t < tokens.count, tokens[t] == .anyRun {
                starToken = t
                starCharacter = c
                t += 1
            } else if starToken >= 0 {
                t = starToken + 1
                starCharacter += 1
                c = starCharacter
            } else {
                return false
            }
        }
        while t < tokens.count, tokens[t] == .anyRun { t += 1 }
        return t == tokens.count
    }
}

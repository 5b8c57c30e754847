/// Follows a request line to its JSON body and keeps the brackets the body leaves open.
///
/// Only a request line (`METHOD URL …`) can carry a body, and it starts at a `{` or `[` that begins a
/// word outside quotes, the rule `RequestCommand.splitBody` cuts by; `{{` starts a template, not a body.
/// Brackets elsewhere (a `q`/`set`/`expect` expression, a URL's `where[0]`) never hold a line open.
/// Inside the body, brackets in double-quoted strings do not count, and a closer without an opener counts
/// for nothing. JSON strings cannot span lines, so a quote left open at the end of a line is closed there:
/// a stray `"` does not swallow the brackets of the lines after it.
struct BracketScanner: Sendable {
    /// The brackets the body opened and has not closed yet, outermost first (`{[`).
    private(set) var open = ""
    private(set) var bodyStarted = false
    /// True for a request line: only its body may hold the line open.
    let isRequest: Bool

    init(firstLine: some StringProtocol) {
        let firstWord = firstLine.drop { $0 == " " || $0 == "\t" }.prefix { $0 != " " && $0 != "\t" }
        isRequest = Self.isMethod(firstWord)
    }

    /// The usual methods and any other upper-case token of three letters or more (`PURGE`), as the shell
    /// dispatches them.
    static func isMethod(_ word: some StringProtocol) -> Bool {
        word.count >= 3 && word.allSatisfy { $0.isASCII && $0.isUppercase }
    }

    /// True when `line` begins a JSON body: its first non-blank character is `{` or `[`.
    static func opensBody(_ line: some StringProtocol) -> Bool {
        let trimmed = line.drop { $0 == " " || $0 == "\t" }
        guard let first = trimmed.first, first == "{" || first == "[" else { return false }
        return !trimmed.hasPrefix("{{")
    }

    mutating func scan(_ line: some StringProtocol) {
        guard isRequest else { return }
        var quote: Character?
        var escaped = false
        var previous: Character = " "
        var characters = line[...]
        if !bodyStarted {
            while let character = characters.first {
                if let open = quote {
                    if character == open { quote = nil }
                } else if character == "'" || character == "\"" {
                    quote = character
                } else if (character == "{" || character == "[") && (previous == " " || previous == "\t")
                    && !(character == "{" && characters.dropFirst().first == "{")
                {
                    bodyStarted = true
                    break
                }
                previous = character
                characters = characters.dropFirst()
            }
            quote = nil
        }
        guard bodyStarted else { return }
        for character in characters {
            if quote != nil {
                if escaped { escaped = false } else if character == "\\" { escaped = true } else if character == "\"" { quote = nil }
                continue
            }
            switch character {
            case "\"": quote = character
            case "{", "[": open.append(character)
            case "}", "]": if !open.isEmpty { open.removeLast() }
            default: break
            }
        }
    }

    /// Takes `line` as the body of the request line scanned so far.
    mutating func scanBody(_ line: some StringProtocol) {
        bodyStarted = true
        scan(line)
    }
}

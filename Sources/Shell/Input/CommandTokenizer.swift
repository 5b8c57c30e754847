/// Splits a command line into words the way a POSIX shell does, with two differences that suit
/// request items: a backslash before `:`, `=`, `@` or `;` is kept (it escapes an item separator,
/// see `RequestItem`), and `{{…}}` is never split.
public enum CommandTokenizer {
    public static func split(_ line: String) throws(ShellError) -> [String] {
        var words: [String] = []
        var current = ""
        var inWord = false
        var quote: Character?
        let characters = Array(line)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if let open = quote {
                if character == open {
                    quote = nil
                } else if open == "\"", character == "\\", index + 1 < characters.count,
                    "\"\\$`".contains(characters[index + 1])
                {
                    index += 1
                    current.append(characters[index])
                } else {
                    current.append(character)
                }
            } else if character == "'" || character == "\"" {
                quote = character
                inWord = true
            } else if character == "\\", index + 1 < characters.count {
                let next = characters[index + 1]
                if ":=@;".contains(next) { current.append("\\") }
                current.append(next)
                index += 1
                inWord = true
            } else if character == " " || character == "\t" || character == "\n" {
                if inWord {
                    words.append(current)
                    current = ""
                    inWord = false
                }
            } else {
                current.append(character)
                inWord = true
            }
            index += 1
        }
        guard quote == nil else { throw .usage("unclosed \(quote == "'" ? "single" : "double") quote") }
        if inWord { words.append(current) }
        return words
    }
}

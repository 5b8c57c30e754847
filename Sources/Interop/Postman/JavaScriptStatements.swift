/// Splits script text into top-level statements: at `;` or a line end outside brackets, strings and
/// comments. Line comments and blank statements are dropped; a statement keeps its own line breaks.
enum JavaScriptStatements {
    static func split(_ script: String) -> [String] {
        var statements: [String] = []
        var current = ""
        var depth = 0
        var quote: Character?
        var escaping = false
        var inLineComment = false
        var inBlockComment = false
        var previous: Character = " "
        func finish() {
            let statement = current.trimmingJS()
            if !statement.isEmpty { statements.append(statement) }
            current = ""
        }
        for character in script {
            defer { previous = character }
            if inLineComment {
                if character == "\n" {
                    inLineComment = false
                    if depth == 0 { finish() } else { current.append(character) }
                }
                continue
            }
            if inBlockComment {
                if previous == "*" && character == "/" { inBlockComment = false }
                continue
            }
            if let open = quote {
                current.append(character)
                if escaping { escaping = false } else if character == "\\" { escaping = true } else if character == open { quote = nil }
                continue
            }
            switch character {
            case "/" where previous == "/" && current.last == "/":
                current.removeLast()
                inLineComment = true
            case "*" where previous == "/" && current.last == "/":
                current.removeLast()
                inBlockComment = true
            case "\"", "'", "`":
                quote = character
                current.append(character)
            case "(", "[", "{":
                depth += 1
                current.append(character)
            case ")", "]", "}":
                depth = max(0, depth - 1)
                current.append(character)
            case ";" where depth == 0:
                finish()
            case "\n" where depth == 0:
                // A line ending a statement; a line ending in an operator or `.` continues it.
                if let last = current.trimmingJS().last, "+-*/=&|?:.,(".contains(last) {
                    current.append(character)
                } else {
                    finish()
                }
            default:
                current.append(character)
            }
        }
        finish()
        return statements
    }
}

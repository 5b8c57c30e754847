/// Marks the terminal escape sequences in a prompt so libedit does not count them as visible columns.
///
/// libedit prints the text between two `literal` characters without moving its idea of the cursor
/// (`EL_PROMPT_ESC`); each escape sequence (CSI such as colors, OSC such as window titles) is wrapped so.
enum PromptMarkup {
    static let literal: Character = "\u{1}"

    static func marked(_ prompt: String) -> String {
        var result = ""
        var scalars = ArraySlice(prompt.unicodeScalars.filter { $0 != "\u{1}" })
        while let scalar = scalars.popFirst() {
            guard scalar == "\u{1B}" else {
                result.unicodeScalars.append(scalar)
                continue
            }
            result.append(literal)
            result.unicodeScalars.append(scalar)
            result.unicodeScalars.append(contentsOf: takeEscapeBody(from: &scalars))
            result.append(literal)
        }
        return result
    }

    /// The rest of an escape sequence after ESC: `[` parameters and a final byte, `]` text up to BEL or
    /// ESC `\`, or one character.
    private static func takeEscapeBody(from scalars: inout ArraySlice<Unicode.Scalar>) -> [Unicode.Scalar] {
        guard let introducer = scalars.popFirst() else { return [] }
        var body = [introducer]
        switch introducer {
        case "[":
            while let next = scalars.popFirst() {
                body.append(next)
                if (0x40...0x7E).contains(next.value) { break }
            }
        case "]":
            while let next = scalars.popFirst() {
                body.append(next)
                if next == "\u{7}" { break }
                if next == "\u{1B}", scalars.first == "\\" {
                    body.append(scalars.removeFirst())
                    break
                }
            }
        default:
            break
        }
        return body
    }
}

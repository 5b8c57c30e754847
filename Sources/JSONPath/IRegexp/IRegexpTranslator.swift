/// Checks a pattern against the I-Regexp grammar (RFC 9485) and rewrites it in the syntax of Swift's
/// regex engine: `.` becomes "anything but \n and \r", every other literal character is written as
/// `\x{...}` so no character that is plain in I-Regexp means something else there. `^` and `$`
/// outside classes anchor to the start and end of the input.
/// Anchoring is left to the caller (whole match or search).
struct IRegexpTranslator {
    private let scalars: [Unicode.Scalar]
    private var position = 0
    private var output = ""

    /// The equivalent Swift regex, or nil when `pattern` is not an I-Regexp.
    static func translate(_ pattern: String) -> String? {
        var translator = IRegexpTranslator(scalars: Array(pattern.unicodeScalars))
        guard translator.regexp(), translator.position == translator.scalars.count else { return nil }
        return translator.output
    }

    private init(scalars: [Unicode.Scalar]) {
        self.scalars = scalars
    }

    private var current: Unicode.Scalar? { position < scalars.count ? scalars[position] : nil }

    private mutating func regexp() -> Bool {
        guard branch() else { return false }
        while current == "|" {
            position += 1
            output += "|"
            guard branch() else { return false }
        }
        return true
    }

    private mutating func branch() -> Bool {
        while let scalar = current, scalar != "|", scalar != ")" {
            guard piece() else { return false }
        }
        return true
    }

    private mutating func piece() -> Bool {
        guard atom() else { return false }
        switch current {
        case "*", "+", "?":
            output.unicodeScalars.append(current!)
            position += 1
        case "{":
            return rangeQuantifier()
        default:
            break
        }
        return true
    }

    private mutating func rangeQuantifier() -> Bool {
        position += 1
        guard let low = digits() else { return false }
        var text = "{\(low)"
        if current == "," {
            position += 1
            text += ","
            if let high = digits() {
                guard high >= low else { return false }
                text += "\(high)"
            }
        }
        guard current == "}" else { return false }
        position += 1
        output += text + "}"
        return true
    }

    private mutating func digits() -> Int? {
        var value: Int?
        while let scalar = current, ("0"..."9").contains(scalar) {
            value = min((value ?? 0) * 10 + Int(scalar.value - 48), 100_000)
            position += 1
        }
        return value
    }

    private mutating func atom() -> Bool {
        guard let scalar = current else { return false }
        switch scalar {
        case "(":
            position += 1
            output += "(?:"
            guard regexp(), current == ")" else { return false }
            position += 1
            output += ")"
            return true
        case ".":
            position += 1
            output += "[^\\n\\r]"
            return true
        case "[":
            return characterClassExpression()
        case "\\":
            return escape(inClass: false)
        case "^":
            // Not anchors in RFC 9485's grammar, but the compliance suite (following the ECMAScript
            // mapping of RFC 9485 §5.3) reads them as anchors at the start and end of the input.
            position += 1
            output += "\\A"
            return true
        case "$":
            position += 1
            output += "\\z"
            return true
        case ")", "*", "+", "?", "]", "{", "|", "}":
            return false
        default:
            position += 1
            appendLiteral(scalar)
            return true
        }
    }

    /// `\` followed by a single-character escape or a category escape `\p{..}` / `\P{..}`.
    private mutating func escape(inClass: Bool) -> Bool {
        position += 1
        guard let letter = current else { return false }
        position += 1
        switch letter {
        case "(", ")", "*", "+", "-", ".", "?", "[", "\\", "]", "^", "{", "|", "}":
            appendLiteral(letter)
        case "n": appendLiteral("\n")
        case "r": appendLiteral("\r")
        case "t": appendLiteral("\t")
        case "p", "P":
            guard current == "{" else { return false }
            position += 1
            var name = ""
            while let scalar = current, scalar != "}" {
                name.unicodeScalars.append(scalar)
                position += 1
            }
            guard current == "}", Self.categories.contains(name) else { return false }
            position += 1
            output += "\\\(letter){\(name)}"
        default:
            return false
        }
        return true
    }

    private mutating func characterClassExpression() -> Bool {
        position += 1
        output += "["
        if current == "^" {
            position += 1
            output += "^"
        }
        var sawItem = false
        if current == "-" {
            position += 1
            appendLiteral("-")
            sawItem = true
        }
        while let scalar = current, scalar != "]" {
            if scalar == "-" {
                // Only allowed as the last character before `]`.
                position += 1
                guard current == "]" else { return false }
                appendLiteral("-")
                break
            }
            guard classItem() else { return false }
            sawItem = true
        }
        guard sawItem, current == "]" else { return false }
        position += 1
        output += "]"
        return true
    }

    /// One CCE1: a character, a range of characters, or a category escape.
    private mutating func classItem() -> Bool {
        if current == "\\", position + 1 < scalars.count, scalars[position + 1] == "p" || scalars[position + 1] == "P" {
            return escape(inClass: true)
        }
        guard let low = classCharacter() else { return false }
        if current == "-", position + 1 < scalars.count, scalars[position + 1] != "]" {
            position += 1
            guard let high = classCharacter(), high.value >= low.value else { return false }
            appendLiteral(low)
            output += "-"
            appendLiteral(high)
        } else {
            appendLiteral(low)
        }
        return true
    }

    /// A CCchar: any character but `-`, `[`, `\`, `]`, or a single-character escape.
    private mutating func classCharacter() -> Unicode.Scalar? {
        guard let scalar = current else { return nil }
        switch scalar {
        case "-", "[", "]":
            return nil
        case "\\":
            guard position + 1 < scalars.count else { return nil }
            let letter = scalars[position + 1]
            position += 2
            switch letter {
            case "(", ")", "*", "+", "-", ".", "?", "[", "\\", "]", "^", "{", "|", "}": return letter
            case "n": return "\n"
            case "r": return "\r"
            case "t": return "\t"
            default: return nil
            }
        default:
            position += 1
            return scalar
        }
    }

    private mutating func appendLiteral(_ scalar: Unicode.Scalar) {
        if scalar.properties.isASCIIHexDigit || ("g"..."z").contains(scalar) || ("G"..."Z").contains(scalar) {
            output.unicodeScalars.append(scalar)
        } else {
            output += "\\x{\(String(scalar.value, radix: 16))}"
        }
    }

    private static let categories: Set<String> = [
        "L", "Ll", "Lm", "Lo", "Lt", "Lu",
        "M", "Mc", "Me", "Mn",
        "N", "Nd", "Nl", "No",
        "P", "Pc", "Pd", "Pe", "Pf", "Pi", "Po", "Ps",
        "Z", "Zl", "Zp", "Zs",
        "S", "Sc", "Sk", "Sm", "So",
        "C", "Cc", "Cf", "Cn", "Co",
    ]
}

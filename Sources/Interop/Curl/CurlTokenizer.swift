/// Splits a command line the way a POSIX shell would, for the commands people copy from docs and
/// browsers: single and double quotes, `$'…'` (bash ANSI-C quoting, which Chrome emits), backslash
/// escapes and line continuations (`\` or Windows `^` at the end of a line).
enum CurlTokenizer {
    static func words(_ line: String) throws(CurlImportError) -> [String] {
        let scalars = Array(line.unicodeScalars)
        var words: [String] = []
        var current = String.UnicodeScalarView()
        var inWord = false
        var index = 0
        func finish() {
            if inWord { words.append(String(current)) }
            current = String.UnicodeScalarView()
            inWord = false
        }
        while index < scalars.count {
            let scalar = scalars[index]
            switch scalar {
            case " ", "\t", "\n", "\r":
                finish()
                index += 1
            case "\\":
                if index + 1 < scalars.count, scalars[index + 1] == "\n" {
                    index += 2
                } else if index + 2 < scalars.count, scalars[index + 1] == "\r", scalars[index + 2] == "\n" {
                    index += 3
                } else if index + 1 < scalars.count {
                    current.append(scalars[index + 1])
                    inWord = true
                    index += 2
                } else {
                    index += 1
                }
            case "^" where isLineEnd(scalars, after: index):
                index += 1
            case "'":
                guard let close = scalars[(index + 1)...].firstIndex(of: "'") else { throw .unterminatedQuote("'") }
                current.append(contentsOf: scalars[(index + 1)..<close])
                inWord = true
                index = close + 1
            case "$" where index + 1 < scalars.count && scalars[index + 1] == "'":
                index = try ansiC(scalars, from: index + 2, into: &current)
                inWord = true
            case "\"":
                index = try doubleQuoted(scalars, from: index + 1, into: &current)
                inWord = true
            default:
                current.append(scalar)
                inWord = true
                index += 1
            }
        }
        finish()
        return words
    }

    private static func isLineEnd(_ scalars: [Unicode.Scalar], after index: Int) -> Bool {
        var next = index + 1
        if next < scalars.count, scalars[next] == "\r" { next += 1 }
        return next < scalars.count && scalars[next] == "\n"
    }

    private static func doubleQuoted(_ scalars: [Unicode.Scalar], from start: Int, into current: inout String.UnicodeScalarView) throws(CurlImportError) -> Int {
        var index = start
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\"" { return index + 1 }
            if scalar == "\\", index + 1 < scalars.count, "$`\"\\\n".unicodeScalars.contains(scalars[index + 1]) {
                if scalars[index + 1] != "\n" { current.append(scalars[index + 1]) }
                index += 2
                continue
            }
            current.append(scalar)
            index += 1
        }
        throw .unterminatedQuote("\"")
    }

    private static func ansiC(_ scalars: [Unicode.Scalar], from start: Int, into current: inout String.UnicodeScalarView) throws(CurlImportError) -> Int {
        var index = start
        var bytes: [UInt8] = []
        func flushBytes() {
            if !bytes.isEmpty { current.append(contentsOf: String(decoding: bytes, as: UTF8.self).unicodeScalars) }
            bytes = []
        }
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "'" {
                flushBytes()
                return index + 1
            }
            guard scalar == "\\", index + 1 < scalars.count else {
                flushBytes()
                current.append(scalar)
                index += 1
                continue
            }
            let escape = scalars[index + 1]
            index += 2
            switch escape {
            case "n": bytes.append(0x0A)
            case "t": bytes.append(0x09)
            case "r": bytes.append(0x0D)
            case "0": bytes.append(0)
            case "a": bytes.append(0x07)
            case "b": bytes.append(0x08)
            case "e", "E": bytes.append(0x1B)
            case "f": bytes.append(0x0C)
            case "v": bytes.append(0x0B)
            case "x":
                let digits = hexDigits(scalars, from: index, max: 2)
                bytes.append(UInt8(digits.value))
                index += digits.count
            case "u", "U":
                let digits = hexDigits(scalars, from: index, max: escape == "u" ? 4 : 8)
                flushBytes()
                if let decoded = Unicode.Scalar(digits.value) { current.append(decoded) }
                index += digits.count
            default:
                bytes.append(contentsOf: Array(String(escape).utf8))
            }
        }
        throw .unterminatedQuote("$'")
    }

    private static func hexDigits(_ scalars: [Unicode.Scalar], from start: Int, max: Int) -> (value: UInt32, count: Int) {
        var value: UInt32 = 0
        var count = 0
        while count < max, start + count < scalars.count, let digit = UInt32(String(scalars[start + count]), radix: 16) {
            value = value * 16 + digit
            count += 1
        }
        return (value, count)
    }
}

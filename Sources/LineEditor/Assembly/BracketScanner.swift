/// Counts how many `{`/`[` are open across lines, ignoring those inside double-quoted strings; a closer
/// without an opener counts for nothing, so `] {` leaves one open.
/// JSON strings cannot span lines, so a quote left open at the end of a line is closed there: a stray `"`
/// in a command does not swallow the brackets of the lines after it.
struct BracketScanner: Sendable {
    private(set) var depth = 0

    mutating func scan(_ line: String) {
        var inString = false
        var escaped = false
        for byte in line.utf8 {
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"): depth = max(0, depth - 1)
            default: break
            }
        }
    }
}

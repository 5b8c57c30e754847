/// Turns raw terminal output into text to match against: escape sequences, carriage returns, bells and
/// libedit's prompt markers removed.
public enum TerminalText {
    public static func stripped(_ raw: String) -> String {
        var result = String.UnicodeScalarView()
        var scalars = raw.unicodeScalars[...]
        while let scalar = scalars.popFirst() {
            switch scalar {
            case "\u{1B}":
                skipEscape(&scalars)
            case "\r", "\u{7}", "\u{1}", "\u{8}":
                continue
            default:
                result.append(scalar)
            }
        }
        return String(result)
    }

    private static func skipEscape(_ scalars: inout Substring.UnicodeScalarView) {
        guard let introducer = scalars.popFirst() else { return }
        switch introducer {
        case "[":
            while let next = scalars.popFirst(), !(0x40...0x7E).contains(next.value) {}
        case "]":
            while let next = scalars.popFirst() {
                if next == "\u{7}" { return }
                if next == "\u{1B}" { _ = scalars.popFirst(); return }
            }
        case "(", ")", "*", "+":
            _ = scalars.popFirst()
        default:
            return
        }
    }
}

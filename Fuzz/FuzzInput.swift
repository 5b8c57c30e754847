/// The bytes libFuzzer hands a target, read the ways the targets need them.
struct FuzzInput {
    let bytes: UnsafeBufferPointer<UInt8>

    init(_ data: UnsafePointer<UInt8>?, _ size: Int) {
        bytes = UnsafeBufferPointer(start: size > 0 ? data : nil, count: size)
    }

    /// The input as text; invalid UTF-8 becomes U+FFFD, as when apish reads a file or a pipe.
    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// The text cut at its first newline: the part before it and the rest (empty when there is none).
    var firstLineAndRest: (first: String, rest: String) {
        let text = text
        guard let newline = text.firstIndex(of: "\n") else { return (text, "") }
        return (String(text[..<newline]), String(text[text.index(after: newline)...]))
    }
}

/// Stops the run with `message` when `condition` fails; unlike `precondition`, the message is kept in
/// optimized builds, so a crash report says which property broke.
func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
    if !condition() { fatalError(message()) }
}

/// A cursor over the Unicode scalars of a Hurl file, or of a run of its lines, with line and column
/// lookup; `firstLine` is the file's line number of the text's first line.
struct HurlScanner {
    let scalars: [Unicode.Scalar]
    var index = 0
    private let lineStarts: [Int]
    private let firstLine: Int

    init(_ text: String, firstLine: Int = 1) {
        self.firstLine = firstLine
        scalars = Array(text.unicodeScalars)
        var starts = [0]
        for (offset, scalar) in scalars.enumerated() where scalar == "\n" {
            starts.append(offset + 1)
        }
        lineStarts = starts
    }

    var isAtEnd: Bool { index >= scalars.count }

    func peek(_ offset: Int = 0) -> Unicode.Scalar? {
        let position = index + offset
        return position < scalars.count ? scalars[position] : nil
    }

    mutating func advance(_ count: Int = 1) {
        index = min(index + count, scalars.count)
    }

    func starts(with text: String) -> Bool {
        matchedLength(of: text) != nil
    }

    mutating func consume(_ text: String) -> Bool {
        guard let length = matchedLength(of: text) else { return false }
        advance(length)
        return true
    }

    /// How many scalars `text` takes when the scanner is at it. The keywords this is asked about are ASCII,
    /// a byte per scalar, so their bytes are compared without decoding them; other text goes by scalars.
    private func matchedLength(of text: String) -> Int? {
        var offset = 0
        for byte in text.utf8 {
            guard byte < 0x80 else { return matchedLength(ofScalars: text) }
            guard let scalar = peek(offset), scalar.value == UInt32(byte) else { return nil }
            offset += 1
        }
        return offset
    }

    private func matchedLength(ofScalars text: String) -> Int? {
        var offset = 0
        for scalar in text.unicodeScalars {
            guard peek(offset) == scalar else { return nil }
            offset += 1
        }
        return offset
    }

    var isAtNewline: Bool { peek() == "\n" || (peek() == "\r" && peek(1) == "\n") }

    /// At `{{`: checked at every scalar of a value, so without going through a String.
    var isAtPlaceholder: Bool { peek() == "{" && peek(1) == "{" }

    /// At a newline, the end of the file, or a comment: nothing more on this line is content.
    var isAtLineEnd: Bool { isAtEnd || isAtNewline || peek() == "#" }

    mutating func consumeNewline() {
        if peek() == "\r" { advance() }
        if peek() == "\n" { advance() }
    }

    @discardableResult
    mutating func skipSpaces() -> Int {
        var count = 0
        while let scalar = peek(), scalar.isSpaceOrTab {
            advance()
            count += 1
        }
        return count
    }

    /// Moves past the scalars for which `predicate` holds; how many there were.
    @discardableResult
    mutating func skip(while predicate: (Unicode.Scalar) -> Bool) -> Int {
        let start = index
        while let scalar = peek(), predicate(scalar) { advance() }
        return index - start
    }

    /// Reads scalars while `predicate` holds.
    mutating func read(while predicate: (Unicode.Scalar) -> Bool) -> String {
        let start = index
        skip(while: predicate)
        return text(from: start, to: index)
    }

    func text(from start: Int, to end: Int) -> String {
        ScannedText.text(of: scalars[start..<end])
    }

    func line(at position: Int) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= position { low = middle } else { high = middle - 1 }
        }
        return low + firstLine
    }

    func column(at position: Int) -> Int {
        position - lineStarts[line(at: position) - firstLine] + 1
    }

    func lineText(_ line: Int) -> String {
        let start = lineStarts[line - firstLine]
        var end = start
        while end < scalars.count, scalars[end] != "\n" { end += 1 }
        if end > start, scalars[end - 1] == "\r" { end -= 1 }
        return text(from: start, to: end)
    }

    var currentLine: Int { line(at: index) }
}

/// A value's text gathered from the scanner's scalars as UTF-8 and made a String once: appending scalars
/// to a `String.UnicodeScalarView` went through a generic path for each one.
struct ScannedText {
    private var bytes: [UInt8] = []

    mutating func append(_ scalar: Unicode.Scalar) {
        if scalar.isASCII {
            bytes.append(UInt8(truncatingIfNeeded: scalar.value))
        } else {
            UTF8.encode(scalar) { bytes.append($0) }
        }
    }

    mutating func append(contentsOf scalars: ArraySlice<Unicode.Scalar>) {
        guard scalars.allSatisfy(\.isASCII) else {
            for scalar in scalars { append(scalar) }
            return
        }
        let start = bytes.count
        bytes.append(contentsOf: repeatElement(0, count: scalars.count))
        bytes.withUnsafeMutableBufferPointer { Self.copyASCII(scalars, into: UnsafeMutableBufferPointer(rebasing: $0[start...])) }
    }

    /// Writes ASCII scalars as their bytes; `buffer` holds exactly as many.
    private static func copyASCII(_ scalars: ArraySlice<Unicode.Scalar>, into buffer: UnsafeMutableBufferPointer<UInt8>) {
        for (offset, scalar) in scalars.enumerated() { buffer[offset] = UInt8(truncatingIfNeeded: scalar.value) }
    }

    /// The scalars as a String; ASCII ones (keywords, names, most values) without an intermediate buffer,
    /// so a short one allocates nothing.
    static func text(of scalars: ArraySlice<Unicode.Scalar>) -> String {
        guard scalars.allSatisfy(\.isASCII) else {
            var text = ScannedText()
            text.append(contentsOf: scalars)
            return text.take()
        }
        return String(unsafeUninitializedCapacity: scalars.count) { buffer in
            copyASCII(scalars, into: UnsafeMutableBufferPointer(rebasing: buffer[..<scalars.count]))
            return scalars.count
        }
    }

    mutating func append(_ other: ScannedText) {
        bytes.append(contentsOf: other.bytes)
    }

    /// The text so far; the builder starts empty again.
    mutating func take() -> String {
        defer { bytes.removeAll(keepingCapacity: true) }
        return String(decoding: bytes, as: UTF8.self)
    }

    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
    }
}

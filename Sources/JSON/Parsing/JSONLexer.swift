/// The token-level half of JSON parsing over a contiguous UTF-8 buffer, shared by the tree parser and
/// the streaming reformatter so both accept exactly the same documents and report the same errors.
struct JSONLexer {
    let bytes: UnsafeBufferPointer<UInt8>
    var i = 0
    /// Decoded contents of the last string that held escapes.
    var scratch: [UInt8] = []

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// Where a string's contents are: straight in the input (no escapes), or decoded into `scratch`.
    enum StringContents {
        case raw(Range<Int>)
        case decoded
    }

    var atEnd: Bool { i >= bytes.count }

    @inline(__always)
    mutating func skipWhitespace() {
        while i < bytes.count {
            switch bytes[i] {
            case 0x20, 0x0A, 0x0D, 0x09: i += 1
            default: return
            }
        }
    }

    mutating func skipBOM() {
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { i = 3 }
    }

    mutating func expectWord(_ word: StaticString) throws(JSONParseError) {
        let count = word.utf8CodeUnitCount
        let start = word.utf8Start
        for k in 0..<count {
            guard i + k < bytes.count, bytes[i + k] == start[k] else {
                throw error("unexpected \(describeByte(at: i)), expected a value", at: i)
            }
        }
        i += count
    }

    /// The byte range of a number literal starting at `i`.
    mutating func scanNumber() throws(JSONParseError) -> Range<Int> {
        let start = i
        guard let end = NumberGrammar.end(of: bytes, from: start) else {
            throw error("invalid number", at: start)
        }
        i = end
        return start..<end
    }

    /// A member name at `i`, then its colon and the whitespace before the value.
    mutating func scanKey() throws(JSONParseError) -> StringContents {
        try expectKeyQuote()
        let key = try scanString()
        try consumeColon()
        return key
    }

    /// `scanKey` without decoding the name: the same checks and errors.
    mutating func validateKey() throws(JSONParseError) {
        try expectKeyQuote()
        try validateString()
        try consumeColon()
    }

    private func expectKeyQuote() throws(JSONParseError) {
        guard i < bytes.count else { throw error("unexpected end of input, expected an object key") }
        guard bytes[i] == UInt8(ascii: "\"") else {
            throw error("unexpected \(describeByte(at: i)), expected an object key in double quotes")
        }
    }

    private mutating func consumeColon() throws(JSONParseError) {
        skipWhitespace()
        guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else {
            throw error(i < bytes.count
                ? "unexpected \(describeByte(at: i)), expected ':' after an object key"
                : "unexpected end of input, expected ':' after an object key")
        }
        i += 1
        skipWhitespace()
    }

    /// `scanString` without decoding: the same checks and errors, for validating alone.
    mutating func validateString() throws(JSONParseError) {
        let quote = i
        i += 1
        while let stop = try scanText() {
            if stop == UInt8(ascii: "\"") {
                i += 1
                return
            }
            try validateEscape()
        }
        throw error("unterminated string", at: quote)
    }

    /// Moves over checked string text (UTF-8, no raw control characters) to the next quote or
    /// backslash, returning it without consuming it; nil at the end of the input.
    @inline(__always)
    private mutating func scanText() throws(JSONParseError) -> UInt8? {
        let n = bytes.count
        while i < n {
            skipPlainASCII()
            guard i < n else { break }
            var byte = bytes[i]
            // Text in other scripts is runs of multi-byte characters: checked one after another here
            // rather than each after a word-at-a-time probe that stops at once.
            while byte >= 0x80 {
                i += try validUTF8SequenceLength()
                guard i < n else { return nil }
                byte = bytes[i]
            }
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return byte }
            if byte < 0x20 { throw controlCharacterError() }
            i += 1
        }
        return nil
    }

    /// The backslash at `i` and the letter after it, both consumed.
    private mutating func scanEscapeLetter() throws(JSONParseError) -> (escape: Int, letter: UInt8) {
        let escape = i
        guard i + 1 < bytes.count else { throw error("unterminated string", at: escape) }
        i += 2
        return (escape, bytes[escape + 1])
    }

    /// An escape as `appendEscape` reads it (a `\u` surrogate pair is two valid escapes), not decoded.
    private mutating func validateEscape() throws(JSONParseError) {
        let (escape, letter) = try scanEscapeLetter()
        switch letter {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
            UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            return
        case UInt8(ascii: "u"):
            _ = try hexQuad(escapeAt: escape)
        default:
            throw error("invalid escape '\\\(describeRaw(letter))' in string", at: escape)
        }
    }

    /// A string starting at its opening quote, validated (UTF-8, escapes, no raw control characters).
    mutating func scanString() throws(JSONParseError) -> StringContents {
        let quote = i
        i += 1
        let start = i
        guard let stop = try scanText() else { throw error("unterminated string", at: quote) }
        if stop == UInt8(ascii: "\"") {
            i += 1
            return .raw(start..<(i - 1))
        }
        try decodeEscapedString(quote: quote, start: start)
        return .decoded
    }

    /// For a string already validated: its contents when they print back unchanged, that is when
    /// its only escapes are ones the printer writes the same way (`\"`, `\\`, `\b`, `\f`, `\n`, `\r`,
    /// `\t`); nil, with `i` left at the quote, when it holds `\/` or `\u` and must be decoded.
    @inline(__always)
    mutating func scanValidatedString() -> Range<Int>? {
        let quote = i
        i += 1
        let start = i
        while true {
            i = Self.quoteOrBackslash(in: bytes, from: i)
            guard i < bytes.count else { break }
            if bytes[i] == UInt8(ascii: "\"") {
                i += 1
                return start..<(i - 1)
            }
            let letter = i + 1 < bytes.count ? bytes[i + 1] : 0
            if letter == UInt8(ascii: "/") || letter == UInt8(ascii: "u") { break }
            i += 2
        }
        i = quote
        return nil
    }

    /// The offset of the first quote or backslash at or after `start` (the buffer's end when none),
    /// eight bytes at a time.
    @inline(__always)
    static func quoteOrBackslash(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var i = start
        let n = bytes.count
        if let base = bytes.baseAddress {
            while i + 8 <= n {
                let word = loadWord(base + i)
                let found = (Self.zeroBytes(word ^ Self.repeated(0x22)) | Self.zeroBytes(word ^ Self.repeated(0x5C)))
                if found != 0 { return i + Self.firstMarkedByte(found) }
                i += 8
            }
        }
        while i < n && bytes[i] != UInt8(ascii: "\"") && bytes[i] != UInt8(ascii: "\\") { i += 1 }
        return i
    }

    // MARK: Eight bytes at a time
    //
    // A word's marks are the high bits of the bytes a test flags. The tests below may also flag
    // bytes after the first one that matches (a borrow carries upward), never before it, so the
    // lowest mark is exact: the word is loaded little-endian, so the lowest byte comes first.

    @inline(__always)
    static func loadWord(_ address: UnsafePointer<UInt8>) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(address).loadUnaligned(as: UInt64.self))
    }

    @inline(__always)
    static func repeated(_ byte: UInt8) -> UInt64 {
        0x0101_0101_0101_0101 &* UInt64(byte)
    }

    /// Marks the zero bytes of `word`.
    @inline(__always)
    static func zeroBytes(_ word: UInt64) -> UInt64 {
        (word &- repeated(0x01)) & ~word & repeated(0x80)
    }

    /// Marks the bytes below 0x20 (control characters), and bytes of 0x80 or more.
    @inline(__always)
    static func controlOrNonASCIIBytes(_ word: UInt64) -> UInt64 {
        ((word &- repeated(0x20)) | word) & repeated(0x80)
    }

    /// The index (0–7) of the first marked byte of a word with a mark.
    @inline(__always)
    static func firstMarkedByte(_ marks: UInt64) -> Int {
        marks.trailingZeroBitCount >> 3
    }

    /// Skips plain ASCII (no quote, backslash or control character) up to the first byte that is not,
    /// 8 bytes at a time: the bulk of most strings.
    @inline(__always)
    private mutating func skipPlainASCII() {
        guard let base = bytes.baseAddress else { return }
        while i + 8 <= bytes.count {
            let word = Self.loadWord(base + i)
            let stops = Self.zeroBytes(word ^ Self.repeated(0x22)) | Self.zeroBytes(word ^ Self.repeated(0x5C))
                | Self.controlOrNonASCIIBytes(word)
            if stops != 0 {
                i += Self.firstMarkedByte(stops)
                return
            }
            i += 8
        }
    }

    func string(_ contents: StringContents) -> String {
        switch contents {
        case .raw(let range): String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        case .decoded: String(decoding: scratch, as: UTF8.self)
        }
    }

    private mutating func decodeEscapedString(quote: Int, start: Int) throws(JSONParseError) {
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
        let n = bytes.count
        while i < n {
            // Copy each run of plain characters at once; only escapes go byte by byte.
            let runStart = i
            while i < n {
                skipPlainASCII()
                guard i < n else { break }
                let byte = bytes[i]
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 { break }
                i += byte < 0x80 ? 1 : try validUTF8SequenceLength()
            }
            if runStart < i { scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i])) }
            guard i < n else { break }
            switch bytes[i] {
            case UInt8(ascii: "\""):
                i += 1
                return
            case UInt8(ascii: "\\"):
                try appendEscape()
            default:
                throw controlCharacterError()
            }
        }
        throw error("unterminated string", at: quote)
    }

    /// Lone surrogates cannot be held in a Swift string; they become U+FFFD as in most JSON tools.
    private mutating func appendEscape() throws(JSONParseError) {
        let (escape, letter) = try scanEscapeLetter()
        switch letter {
        case UInt8(ascii: "\""): scratch.append(UInt8(ascii: "\""))
        case UInt8(ascii: "\\"): scratch.append(UInt8(ascii: "\\"))
        case UInt8(ascii: "/"): scratch.append(UInt8(ascii: "/"))
        case UInt8(ascii: "b"): scratch.append(0x08)
        case UInt8(ascii: "f"): scratch.append(0x0C)
        case UInt8(ascii: "n"): scratch.append(0x0A)
        case UInt8(ascii: "r"): scratch.append(0x0D)
        case UInt8(ascii: "t"): scratch.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try hexQuad(escapeAt: escape)
            if (0xD800..<0xDC00).contains(scalar) {
                if i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") {
                    let saved = i
                    i += 2
                    let low = try hexQuad(escapeAt: saved)
                    if (0xDC00..<0xE000).contains(low) {
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else {
                        i = saved
                        scalar = 0xFFFD
                    }
                } else {
                    scalar = 0xFFFD
                }
            } else if (0xDC00..<0xE000).contains(scalar) {
                scalar = 0xFFFD
            }
            appendUTF8(scalar)
        default:
            throw error("invalid escape '\\\(describeRaw(letter))' in string", at: escape)
        }
    }

    private mutating func hexQuad(escapeAt escape: Int) throws(JSONParseError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard i < bytes.count else { throw error("unterminated \\u escape", at: escape) }
            let byte = bytes[i]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw error("invalid \\u escape: expected 4 hex digits", at: escape)
            }
            value = value << 4 | UInt32(digit)
            i += 1
        }
        return value
    }

    private mutating func appendUTF8(_ scalar: UInt32) {
        switch scalar {
        case 0..<0x80:
            scratch.append(UInt8(scalar))
        case 0x80..<0x800:
            scratch.append(UInt8(0xC0 | scalar >> 6))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        case 0x800..<0x10000:
            scratch.append(UInt8(0xE0 | scalar >> 12))
            scratch.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        default:
            scratch.append(UInt8(0xF0 | scalar >> 18))
            scratch.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            scratch.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        }
    }

    /// The length of the well-formed UTF-8 sequence (RFC 3629) starting at `i`, which holds a byte >= 0x80.
    @inline(__always)
    private func validUTF8SequenceLength() throws(JSONParseError) -> Int {
        let n = bytes.count
        let lead = bytes[i]
        @inline(__always) func continuation(_ k: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> Bool {
            i + k < n && bytes[i + k] >= low && bytes[i + k] <= high
        }
        switch lead {
        case 0xC2...0xDF:
            if continuation(1) { return 2 }
        case 0xE0:
            if continuation(1, 0xA0) && continuation(2) { return 3 }
        case 0xE1...0xEC, 0xEE...0xEF:
            if continuation(1) && continuation(2) { return 3 }
        case 0xED:
            if continuation(1, 0x80, 0x9F) && continuation(2) { return 3 }
        case 0xF0:
            if continuation(1, 0x90) && continuation(2) && continuation(3) { return 4 }
        case 0xF1...0xF3:
            if continuation(1) && continuation(2) && continuation(3) { return 4 }
        case 0xF4:
            if continuation(1, 0x80, 0x8F) && continuation(2) && continuation(3) { return 4 }
        default:
            break
        }
        throw error("invalid UTF-8 byte 0x\(String(lead, radix: 16, uppercase: true))", at: i)
    }

    private func controlCharacterError() -> JSONParseError {
        let hex = String(bytes[i], radix: 16, uppercase: true)
        return error("control character U+\(String(repeating: "0", count: 4 - hex.count) + hex) must be escaped in a string")
    }

    func describeByte(at index: Int) -> String {
        let byte = bytes[index]
        if byte >= 0x80 { return "byte 0x\(String(byte, radix: 16, uppercase: true))" }
        return "character '\(describeRaw(byte))'"
    }

    private func describeRaw(_ byte: UInt8) -> String {
        switch byte {
        case 0x0A: return "\\n"
        case 0x0D: return "\\r"
        case 0x09: return "\\t"
        case 0x20..<0x7F: return String(UnicodeScalar(byte))
        default: return "\\u{\(String(byte, radix: 16))}"
        }
    }

    func error(_ message: String, at offset: Int? = nil) -> JSONParseError {
        JSONParseError(message: message, offset: offset ?? i, in: bytes)
    }
}

/// Re-prints a JSON document token by token, without building a tree: what `fmt` needs for large files.
///
/// It accepts exactly what `JSONParser` accepts (same lexer, same structure, same depth limit, same
/// errors) and writes exactly what `JSONWriter` would write for the parsed value. With `emitting` false
/// it only validates, which lets callers check a whole document before writing any of it; emitting
/// is for input already validated that way, so strings are copied without checking them again.
struct JSONReformatter {
    private var lexer: JSONLexer
    private let maxDepth: Int
    /// Indentation of the value itself: nonzero when it is printed inside an enclosing array.
    private let baseDepth: Int
    /// Containers at least this many bytes long are recorded in `spans`; `.max` records none.
    private let spanThreshold: Int
    /// (start, end) byte offsets of the long containers, in the order they open.
    private(set) var spans: [JSONDocument.Span] = []

    init(bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int, baseDepth: Int = 0, recordingSpansFrom spanThreshold: Int = .max) {
        lexer = JSONLexer(bytes: bytes)
        self.maxDepth = maxDepth
        self.baseDepth = baseDepth
        self.spanThreshold = spanThreshold
    }

    mutating func run(into writer: inout JSONWriter, emitting: Bool) throws(JSONParseError) {
        let bytes = lexer.bytes
        var frames: [Bool] = []  // isObject, innermost last
        let recording = spanThreshold != .max
        // Each open container's slot in `spans`, innermost last: a slot is taken as a container opens,
        // so spans come out in the order of their starts, as lookups want them, with no sort.
        var slots: [Int] = []
        lexer.skipBOM()
        lexer.skipWhitespace()

        while true {
            guard !lexer.atEnd else { throw lexer.error("unexpected end of input, expected a value") }
            switch bytes[lexer.i] {
            case UInt8(ascii: "{"):
                guard frames.count < maxDepth else { throw lexer.error("nesting deeper than \(maxDepth) levels") }
                let opening = lexer.i
                lexer.i += 1
                lexer.skipWhitespace()
                if !lexer.atEnd && bytes[lexer.i] == UInt8(ascii: "}") {
                    lexer.i += 1
                    if emitting {
                        writer.punctuation(UInt8(ascii: "{"))
                        writer.punctuation(UInt8(ascii: "}"))
                    }
                } else {
                    frames.append(true)
                    if recording { openSpan(at: opening, slots: &slots) }
                    if emitting {
                        writer.punctuation(UInt8(ascii: "{"))
                        writer.newline(baseDepth + frames.count)
                    }
                    try key(into: &writer, emitting: emitting)
                    continue
                }
            case UInt8(ascii: "["):
                guard frames.count < maxDepth else { throw lexer.error("nesting deeper than \(maxDepth) levels") }
                let opening = lexer.i
                lexer.i += 1
                lexer.skipWhitespace()
                if !lexer.atEnd && bytes[lexer.i] == UInt8(ascii: "]") {
                    lexer.i += 1
                    if emitting {
                        writer.punctuation(UInt8(ascii: "["))
                        writer.punctuation(UInt8(ascii: "]"))
                    }
                } else {
                    frames.append(false)
                    if recording { openSpan(at: opening, slots: &slots) }
                    if emitting {
                        writer.punctuation(UInt8(ascii: "["))
                        writer.newline(baseDepth + frames.count)
                    }
                    continue
                }
            case UInt8(ascii: "\""):
                if !emitting {
                    try lexer.validateString()
                } else if let verbatim = lexer.scanValidatedString() {
                    write(.raw(verbatim), as: .string, into: &writer)
                } else {
                    // Scanned first: the decoded text is in the lexer's scratch only afterwards.
                    let contents = try lexer.scanString()
                    write(contents, as: .string, into: &writer)
                }
            case UInt8(ascii: "t"):
                try lexer.expectWord("true")
                if emitting { writer.token(.bool) { $0.append(JSONWriter.true) } }
            case UInt8(ascii: "f"):
                try lexer.expectWord("false")
                if emitting { writer.token(.bool) { $0.append(JSONWriter.false) } }
            case UInt8(ascii: "n"):
                try lexer.expectWord("null")
                if emitting { writer.token(.null) { $0.append(JSONWriter.null) } }
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                let range = try lexer.scanNumber()
                if emitting { writer.token(.number) { $0.append(UnsafeBufferPointer(rebasing: bytes[range])) } }
            default:
                throw lexer.error("unexpected \(lexer.describeByte(at: lexer.i)), expected a value")
            }

            // After a value: separators and closing brackets until the next value starts.
            attaching: while true {
                guard let isObject = frames.last else {
                    lexer.skipWhitespace()
                    if !lexer.atEnd {
                        throw lexer.error("unexpected \(lexer.describeByte(at: lexer.i)) after the JSON value")
                    }
                    return
                }
                lexer.skipWhitespace()
                let closer = isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
                guard !lexer.atEnd else {
                    throw lexer.error("unexpected end of input, expected ',' or '\(UnicodeScalar(closer))'")
                }
                let byte = bytes[lexer.i]
                if byte == UInt8(ascii: ",") {
                    lexer.i += 1
                    lexer.skipWhitespace()
                    if emitting {
                        writer.punctuation(UInt8(ascii: ","))
                        writer.newline(baseDepth + frames.count)
                        writer.flushIfFull()
                    }
                    if isObject { try key(into: &writer, emitting: emitting) }
                    break attaching
                }
                guard byte == closer else {
                    throw lexer.error("unexpected \(lexer.describeByte(at: lexer.i)), expected ',' or '\(UnicodeScalar(closer))'")
                }
                lexer.i += 1
                frames.removeLast()
                if recording { closeSpan(at: lexer.i, slots: &slots) }
                if emitting {
                    writer.newline(baseDepth + frames.count)
                    writer.punctuation(closer)
                }
            }
            lexer.skipWhitespace()
        }
    }

    /// Takes the next slot in `spans` for the container opening at `opening`.
    @inline(__always)
    private mutating func openSpan(at opening: Int, slots: inout [Int]) {
        slots.append(spans.count)
        spans.append(JSONDocument.Span(start: UInt32(opening), end: 0))
    }

    /// Ends the innermost open container's span at `end`, or drops it when the container is short.
    @inline(__always)
    private mutating func closeSpan(at end: Int, slots: inout [Int]) {
        let slot = slots.removeLast()
        if end - Int(spans[slot].start) >= spanThreshold {
            spans[slot].end = UInt32(end)
        } else {
            // Whatever a short container holds is shorter still and already dropped: its slot is the last.
            spans.removeLast()
        }
    }

    private mutating func key(into writer: inout JSONWriter, emitting: Bool) throws(JSONParseError) {
        guard emitting else {
            try lexer.validateKey()
            return
        }
        let contents: JSONLexer.StringContents
        if let verbatim = lexer.scanValidatedString() {
            contents = .raw(verbatim)
            lexer.skipWhitespace()
            lexer.i += 1  // the colon, already checked by validation
            lexer.skipWhitespace()
        } else {
            contents = try lexer.scanKey()
        }
        write(contents, as: .key, into: &writer)
        writer.nameSeparator()
    }

    /// A raw string (no escapes, or only those the printer writes the same way) is its own output.
    private func write(_ contents: JSONLexer.StringContents, as kind: JSONWriter.TokenKind, into writer: inout JSONWriter) {
        switch contents {
        case .raw(let range):
            // The contents lie between the input's own quotes: copied with them in one piece.
            let quoted = UnsafeBufferPointer(rebasing: lexer.bytes[(range.lowerBound - 1)..<(range.upperBound + 1)])
            writer.token(kind) { $0.append(quoted) }
        case .decoded:
            lexer.scratch.withUnsafeBufferPointer { decoded in
                writer.token(kind) { $0.appendQuoted(utf8: decoded) }
            }
        }
    }
}

/// Serializes values into a byte buffer. With a sink, the buffer is handed over whenever it grows past
/// `chunkSize` and then reused, so printing a large document needs little more than one chunk.
public struct JSONWriter {
    public private(set) var buffer: [UInt8] = []
    private let pretty: Bool
    private let indentWidth: Int
    private let palette: Palette?
    private let chunkSize: Int
    private let sink: (([UInt8]) -> Void)?
    /// A line break and the indentation of most lines after it, appended in one piece.
    private static let lineBreakAndSpaces: [UInt8] = [0x0A] + [UInt8](repeating: 0x20, count: 256)

    public init(style: JSONStyle, chunkSize: Int = 1 << 20, sink: (([UInt8]) -> Void)? = nil) {
        pretty = style.pretty
        indentWidth = style.indentWidth
        palette = style.colors.map(Palette.init)
        self.chunkSize = chunkSize
        self.sink = sink
        buffer.reserveCapacity(sink == nil ? 4096 : chunkSize + 4096)
    }

    public mutating func write(_ value: JSONValue) {
        write(value, depth: 0)
    }

    public mutating func writeNewline() {
        buffer.append(0x0A)
    }

    /// Appends raw bytes (separators, already formatted text).
    public mutating func writeRaw(_ bytes: some Sequence<UInt8>) {
        buffer.append(contentsOf: bytes)
    }

    /// A string's contents without quotes or escapes, for raw output.
    public mutating func writeUnquoted(_ text: String) {
        buffer.append(contentsOf: text.utf8)
    }

    /// Hands whatever is buffered to the sink.
    public mutating func flush() {
        guard let sink, !buffer.isEmpty else { return }
        sink(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    @inline(__always)
    mutating func flushIfFull() {
        if sink != nil && buffer.count >= chunkSize { flush() }
    }

    /// Writes `value` as if it stood `depth` levels deep in a document: a pretty style indents its
    /// members and elements one level further, for documents written a piece at a time.
    public mutating func write(_ value: JSONValue, depth: Int) {
        switch value {
        case .null:
            token(palette?.null) { $0.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C]) }
        case .bool(let flag):
            token(palette?.bool) {
                if flag { $0.append(contentsOf: [0x74, 0x72, 0x75, 0x65]) } else { $0.append(contentsOf: [0x66, 0x61, 0x6C, 0x73, 0x65]) }
            }
        case .number(let number):
            token(palette?.number) { $0.append(contentsOf: number.literal.utf8) }
        case .string(let text):
            token(palette?.string) { Self.appendQuoted(text, to: &$0) }
        case .array(let elements):
            punctuation(UInt8(ascii: "["))
            if elements.isEmpty {
                punctuation(UInt8(ascii: "]"))
                return
            }
            for (position, element) in elements.enumerated() {
                if position > 0 { punctuation(UInt8(ascii: ",")) }
                newline(depth + 1)
                write(element, depth: depth + 1)
                flushIfFull()
            }
            newline(depth)
            punctuation(UInt8(ascii: "]"))
        case .object(let object):
            punctuation(UInt8(ascii: "{"))
            if object.isEmpty {
                punctuation(UInt8(ascii: "}"))
                return
            }
            for (position, member) in object.members.enumerated() {
                if position > 0 { punctuation(UInt8(ascii: ",")) }
                newline(depth + 1)
                token(palette?.key) { Self.appendQuoted(member.key, to: &$0) }
                nameSeparator()
                write(member.value, depth: depth + 1)
                flushIfFull()
            }
            newline(depth)
            punctuation(UInt8(ascii: "}"))
        }
    }

    @inline(__always)
    mutating func newline(_ depth: Int) {
        guard pretty else { return }
        let spaces = Self.lineBreakAndSpaces.count - 1
        var remaining = depth * indentWidth
        var run = min(remaining, spaces)
        Self.lineBreakAndSpaces.withUnsafeBufferPointer { table in
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: table[0...run]))
            remaining -= run
            while remaining > 0 {
                run = min(remaining, spaces)
                buffer.append(contentsOf: UnsafeBufferPointer(rebasing: table[1...run]))
                remaining -= run
            }
        }
    }

    /// The colon after a member name, and the space after it when pretty.
    @inline(__always)
    mutating func nameSeparator() {
        punctuation(UInt8(ascii: ":"))
        if pretty { buffer.append(0x20) }
    }

    @inline(__always)
    mutating func punctuation(_ byte: UInt8) {
        if let color = palette?.punctuation {
            buffer.append(contentsOf: color)
            buffer.append(byte)
            buffer.append(contentsOf: Palette.reset)
        } else {
            buffer.append(byte)
        }
    }

    enum TokenKind {
        case key, string, number, bool, null
    }

    /// Writes one scalar token, colored for its kind; `body` appends its bytes.
    @inline(__always)
    mutating func token(_ kind: TokenKind, _ body: (inout [UInt8]) -> Void) {
        guard let palette else {
            body(&buffer)
            return
        }
        switch kind {
        case .key: token(palette.key, body)
        case .string: token(palette.string, body)
        case .number: token(palette.number, body)
        case .bool: token(palette.bool, body)
        case .null: token(palette.null, body)
        }
    }

    @inline(__always)
    private mutating func token(_ color: [UInt8]?, _ body: (inout [UInt8]) -> Void) {
        if let color {
            buffer.append(contentsOf: color)
            body(&buffer)
            buffer.append(contentsOf: Palette.reset)
        } else {
            body(&buffer)
        }
    }

    /// Appends `text` as a JSON string literal: quotes, backslashes and control characters escaped,
    /// everything else as UTF-8.
    static func appendQuoted(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { appendQuoted(utf8: $0, to: &out) }
    }

    static func appendQuoted(utf8 bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var runStart = 0
        for index in 0..<bytes.count {
            let byte = bytes[index]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            if runStart < index { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index])) }
            runStart = index + 1
            out.append(UInt8(ascii: "\\"))
            switch byte {
            case UInt8(ascii: "\""): out.append(UInt8(ascii: "\""))
            case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\"))
            case 0x08: out.append(UInt8(ascii: "b"))
            case 0x0C: out.append(UInt8(ascii: "f"))
            case 0x0A: out.append(UInt8(ascii: "n"))
            case 0x0D: out.append(UInt8(ascii: "r"))
            case 0x09: out.append(UInt8(ascii: "t"))
            default:
                let hex: [UInt8] = Array("0123456789abcdef".utf8)
                out.append(contentsOf: [UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
            }
        }
        if runStart < bytes.count { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...])) }
        out.append(UInt8(ascii: "\""))
    }

    private struct Palette {
        static let reset: [UInt8] = Array("\u{1B}[0m".utf8)
        let key, string, number, bool, null, punctuation: [UInt8]

        init(_ colors: JSONColors) {
            func sequence(_ parameters: String) -> [UInt8] { Array("\u{1B}[\(parameters)m".utf8) }
            key = sequence(colors.key)
            string = sequence(colors.string)
            number = sequence(colors.number)
            bool = sequence(colors.bool)
            null = sequence(colors.null)
            punctuation = sequence(colors.punctuation)
        }
    }
}

/// Serializes values into a byte buffer. With a sink, the buffer is lent to it whenever it grows past
/// `chunkSize` and then reused, so printing a large document needs little more than one chunk.
///
/// The buffer is memory of its own rather than an array: a pretty-printed document is millions of
/// appends of a few bytes each, and an array checks its uniqueness and capacity on every one. That is
/// also why a writer cannot be copied.
public struct JSONWriter: ~Copyable {
    private var storage: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var capacity: Int
    private let pretty: Bool
    private let indentWidth: Int
    private let palette: Palette?
    private let chunkSize: Int
    private let sink: ((UnsafeBufferPointer<UInt8>) -> Void)?
    /// A line break and the indentation of most lines after it, appended in one piece.
    private static let lineBreakAndSpaces: [UInt8] = [0x0A] + [UInt8](repeating: 0x20, count: 256)
    static let null: [UInt8] = Array("null".utf8)
    static let `true`: [UInt8] = Array("true".utf8)
    static let `false`: [UInt8] = Array("false".utf8)

    public init(style: JSONStyle, chunkSize: Int = 1 << 20, sink: ((UnsafeBufferPointer<UInt8>) -> Void)? = nil) {
        pretty = style.pretty
        indentWidth = style.indentWidth
        palette = style.colors.map(Palette.init)
        self.chunkSize = chunkSize
        self.sink = sink
        capacity = sink == nil ? 4096 : chunkSize + 4096
        storage = .allocate(capacity: capacity)
    }

    deinit {
        storage.deallocate()
    }

    /// What has been written and not yet handed to a sink.
    public var buffer: [UInt8] {
        Array(UnsafeBufferPointer(start: storage, count: count))
    }

    public mutating func writeNewline() {
        append(0x0A)
    }

    /// A string's contents without quotes or escapes, for raw output.
    public mutating func writeUnquoted(_ text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    /// Hands whatever is buffered to the sink.
    public mutating func flush() {
        guard let sink, count > 0 else { return }
        sink(UnsafeBufferPointer(start: storage, count: count))
        count = 0
    }

    /// Hands the buffer to the sink once it holds a chunk.
    @inline(__always)
    public mutating func flushIfFull() {
        if sink != nil && count >= chunkSize { flush() }
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        if count == capacity { grow(toHold: 1) }
        storage[count] = byte
        count += 1
    }

    @inline(__always)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress else { return }
        if capacity - count < bytes.count { grow(toHold: bytes.count) }
        (storage + count).update(from: source, count: bytes.count)
        count += bytes.count
    }

    @inline(__always)
    mutating func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { append($0) }
    }

    private mutating func grow(toHold extra: Int) {
        let newCapacity = max(capacity * 2, count + extra)
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        larger.moveInitialize(from: storage, count: count)
        storage.deallocate()
        storage = larger
        capacity = newCapacity
    }

    public mutating func write(_ value: JSONValue) {
        write(value, depth: 0)
    }

    /// Writes `value` as if it stood `depth` levels deep in a document: a pretty style indents its
    /// members and elements one level further, for documents written a piece at a time.
    public mutating func write(_ value: JSONValue, depth: Int) {
        switch value {
        case .null:
            token(palette?.null) { $0.append(Self.null) }
        case .bool(let flag):
            token(palette?.bool) {
                $0.append(flag ? Self.true : Self.false)
            }
        case .number(let number):
            token(palette?.number) { $0.writeUnquoted(number.literal) }
        case .string(let text):
            token(palette?.string) { $0.appendQuoted(text) }
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
                token(palette?.key) { $0.appendQuoted(member.key) }
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
            append(UnsafeBufferPointer(rebasing: table[0...run]))
            remaining -= run
            while remaining > 0 {
                run = min(remaining, spaces)
                append(UnsafeBufferPointer(rebasing: table[1...run]))
                remaining -= run
            }
        }
    }

    /// The colon after a member name, and the space after it when pretty.
    @inline(__always)
    mutating func nameSeparator() {
        punctuation(UInt8(ascii: ":"))
        if pretty { append(0x20) }
    }

    @inline(__always)
    mutating func punctuation(_ byte: UInt8) {
        if let color = palette?.punctuation {
            append(color)
            append(byte)
            append(Palette.reset)
        } else {
            append(byte)
        }
    }

    enum TokenKind {
        case key, string, number, bool, null
    }

    /// Writes one scalar token, colored for its kind; `body` appends its bytes.
    @inline(__always)
    mutating func token(_ kind: TokenKind, _ body: (inout JSONWriter) -> Void) {
        guard let palette else {
            body(&self)
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
    private mutating func token(_ color: [UInt8]?, _ body: (inout JSONWriter) -> Void) {
        if let color {
            append(color)
            body(&self)
            append(Palette.reset)
        } else {
            body(&self)
        }
    }

    /// Appends `text` as a JSON string literal: quotes, backslashes and control characters escaped,
    /// everything else as UTF-8.
    mutating func appendQuoted(_ text: String) {
        var text = text
        text.withUTF8 { appendQuoted(utf8: $0) }
    }

    mutating func appendQuoted(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        append(UInt8(ascii: "\""))
        var runStart = 0
        for index in 0..<bytes.count {
            let byte = bytes[index]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            if runStart < index { append(UnsafeBufferPointer(rebasing: bytes[runStart..<index])) }
            runStart = index + 1
            append(UInt8(ascii: "\\"))
            switch byte {
            case UInt8(ascii: "\""): append(UInt8(ascii: "\""))
            case UInt8(ascii: "\\"): append(UInt8(ascii: "\\"))
            case 0x08: append(UInt8(ascii: "b"))
            case 0x0C: append(UInt8(ascii: "f"))
            case 0x0A: append(UInt8(ascii: "n"))
            case 0x0D: append(UInt8(ascii: "r"))
            case 0x09: append(UInt8(ascii: "t"))
            default:
                let hex: [UInt8] = Array("0123456789abcdef".utf8)
                append([UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
            }
        }
        if runStart < bytes.count { append(UnsafeBufferPointer(rebasing: bytes[runStart...])) }
        append(UInt8(ascii: "\""))
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

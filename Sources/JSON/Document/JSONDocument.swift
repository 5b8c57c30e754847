/// A validated JSON document kept as its UTF-8 bytes and read in place: what large documents need.
///
/// Nothing is decoded up front. Strings and numbers stay in the buffer, containers are byte ranges,
/// and only the nodes a caller asks for become `JSONValue`s (`value(of:)`), exactly the values
/// `JSONValue.parse` would have built for them: key order, duplicate keys and number literals as sent.
///
/// Besides the bytes it keeps one 8-byte span (start, end) per container at least `indexedLength`
/// bytes long (about 1% of a typical API document; more when long containers nest deeply, since
/// their spans overlap): walks skip a long container in one lookup instead of rescanning it, and
/// short ones are rescanned at a bounded cost.
public struct JSONDocument: Sendable {
    private let storage: Storage
    /// The top-level value (after a byte order mark and whitespace).
    public let root: Node
    private let spans: [Span]

    /// Containers shorter than this are skipped by scanning their bytes.
    static let indexedLength = 64

    /// A value in the document: the offset of its first byte.
    public struct Node: Sendable, Hashable {
        public let offset: Int
    }

    public enum Kind: Sendable {
        case null, bool, number, string, array, object
    }

    /// An object member's name, as it appears between its quotes.
    public struct Key: Sendable {
        /// The bytes between the quotes, escapes not decoded.
        public let contents: Range<Int>
        /// True when the name holds a backslash escape, so its contents differ from its text.
        public let isEscaped: Bool
    }

    struct Span: Sendable {
        var start: UInt32
        var end: UInt32
    }

    /// Checks that `bytes` hold one JSON document (accepting and rejecting exactly what
    /// `JSONValue.parse` does, with the same errors) and indexes its long containers.
    public init(_ bytes: [UInt8], maxDepth: Int = JSONValue.defaultMaxDepth) throws(JSONParseError) {
        try self.init(storage: .array(bytes), maxDepth: maxDepth)
    }

    /// A document over bytes held elsewhere (a file mapped into memory, say): `owner` keeps them
    /// alive and unchanged for as long as the document or any copy of it exists. Checked as
    /// `init(_:maxDepth:)` checks an array.
    public init(
        borrowing bytes: UnsafeBufferPointer<UInt8>, owner: some AnyObject & Sendable,
        maxDepth: Int = JSONValue.defaultMaxDepth
    ) throws(JSONParseError) {
        try self.init(storage: .borrowed(bytes, owner: owner), maxDepth: maxDepth)
    }

    private init(storage: Storage, maxDepth: Int) throws(JSONParseError) {
        self.storage = storage
        let result = storage.withBytes { buffer in
            Result { () throws(JSONParseError) -> ([Span], Int) in
                // Offsets are kept in 32 bits; a larger document is read without the index, by scanning.
                let threshold = buffer.count <= Int(UInt32.max) ? Self.indexedLength : .max
                var validator = JSONReformatter(bytes: buffer, maxDepth: maxDepth, recordingSpansFrom: threshold)
                var unused = JSONWriter(style: .compact)
                try validator.run(into: &unused, emitting: false)
                var lexer = JSONLexer(bytes: buffer)
                lexer.skipBOM()
                lexer.skipWhitespace()
                return (validator.spans, lexer.i)
            }
        }
        let (spans, rootOffset) = try result.get()
        self.spans = spans
        self.root = Node(offset: rootOffset)
    }

    /// Where the bytes are and what keeps them alive.
    private enum Storage: @unchecked Sendable {  // the owner is Sendable (see init(borrowing:owner:)), the bytes immutable
        case array([UInt8])
        case borrowed(UnsafeBufferPointer<UInt8>, owner: AnyObject)

        /// Borrowed bytes need no lifetime extension here: the storage, and with it their owner, is
        /// alive for the whole call, as `self` of a method always is.
        @inline(__always)
        func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
            switch self {
            case .array(let bytes): try bytes.withUnsafeBufferPointer(body)
            case .borrowed(let bytes, _): try body(bytes)
            }
        }
    }

    /// Calls `body` with the document's bytes, valid only during the call.
    @inline(__always)
    func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        try storage.withBytes(body)
    }

    @inline(__always)
    private func byte(at offset: Int) -> UInt8 {
        withBytes { $0[offset] }
    }

    public func kind(of node: Node) -> Kind {
        switch byte(at: node.offset) {
        case UInt8(ascii: "{"): .object
        case UInt8(ascii: "["): .array
        case UInt8(ascii: "\""): .string
        case UInt8(ascii: "t"), UInt8(ascii: "f"): .bool
        case UInt8(ascii: "n"): .null
        default: .number
        }
    }

    public func isContainer(_ node: Node) -> Bool {
        let byte = byte(at: node.offset)
        return byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[")
    }

    /// The offset just past the node's last byte.
    public func end(of node: Node) -> Int {
        withBytes { end(of: node.offset, in: $0) }
    }

    /// The node's bytes, exactly as in the input.
    public func range(of node: Node) -> Range<Int> {
        node.offset..<end(of: node)
    }

    /// The elements of an array in order; empty for anything else.
    public func elements(of node: Node) -> [Node] {
        var elements: [Node] = []
        forEachElement(of: node) { _, element in elements.append(element) }
        return elements
    }

    /// Calls `body` with each element of an array and its index, in order; nothing for anything else.
    public func forEachElement(of node: Node, _ body: (Int, Node) -> Void) {
        guard byte(at: node.offset) == UInt8(ascii: "[") else { return }
        withBytes { buffer in
            var i = Self.skipWhitespace(buffer, node.offset + 1)
            guard buffer[i] != UInt8(ascii: "]") else { return }
            var index = 0
            while true {
                body(index, Node(offset: i))
                index += 1
                i = Self.skipWhitespace(buffer, end(of: i, in: buffer))
                guard buffer[i] == UInt8(ascii: ",") else { return }
                i = Self.skipWhitespace(buffer, i + 1)
            }
        }
    }

    /// Calls `body` with each member of an object in the order they were sent, duplicates included;
    /// nothing for anything else.
    public func forEachMember(of node: Node, _ body: (Key, Node) -> Void) {
        forEachMember(of: node) { key, value in
            body(key, value)
            return true
        }
    }

    /// Calls `body` with each member of an object in order, as `forEachMember(of:_:)` does, until it
    /// returns false.
    public func forEachMember(of node: Node, while body: (Key, Node) -> Bool) {
        guard byte(at: node.offset) == UInt8(ascii: "{") else { return }
        withBytes { buffer in
            var i = Self.skipWhitespace(buffer, node.offset + 1)
            guard buffer[i] != UInt8(ascii: "}") else { return }
            while true {
                let (keyEnd, escaped) = Self.stringEnd(buffer, from: i)
                let key = Key(contents: (i + 1)..<(keyEnd - 1), isEscaped: escaped)
                i = Self.skipWhitespace(buffer, keyEnd)  // at the colon
                i = Self.skipWhitespace(buffer, i + 1)
                guard body(key, Node(offset: i)) else { return }
                i = Self.skipWhitespace(buffer, end(of: i, in: buffer))
                guard buffer[i] == UInt8(ascii: ",") else { return }
                i = Self.skipWhitespace(buffer, i + 1)
            }
        }
    }

    /// The members of an object in the order they were sent, duplicates included; empty for anything else.
    public func members(of node: Node) -> [(key: Key, value: Node)] {
        var members: [(key: Key, value: Node)] = []
        forEachMember(of: node) { key, value in members.append((key: key, value: value)) }
        return members
    }

    /// True when the member name is `name`, compared by Unicode scalars after decoding escapes.
    public func key(_ key: Key, equals name: String) -> Bool {
        if !key.isEscaped {
            // Most names differ in length: that test is cheap (a native string knows its UTF-8 count).
            let utf8 = name.utf8
            guard key.contents.count == utf8.count else { return false }
            return withBytes { buffer in
                let contents = UnsafeBufferPointer(rebasing: buffer[key.contents])
                return utf8.withContiguousStorageIfAvailable { contents.elementsEqual($0) } ?? contents.elementsEqual(utf8)
            }
        }
        return self.name(of: key) == name
    }

    /// The decoded member name.
    public func name(of key: Key) -> String {
        decodedString(quoteAt: key.contents.lowerBound - 1)
    }

    /// The decoded text of a string node; nil for any other kind.
    public func string(of node: Node) -> String? {
        guard byte(at: node.offset) == UInt8(ascii: "\"") else { return nil }
        return decodedString(quoteAt: node.offset)
    }

    /// The node as a tree: the very value `JSONValue.parse` builds for these bytes.
    public func value(of node: Node) -> JSONValue {
        withBytes { buffer in
            let slice = UnsafeBufferPointer(rebasing: buffer[node.offset..<end(of: node.offset, in: buffer)])
            var parser = JSONParser(bytes: slice, maxDepth: .max)
            do throws(JSONParseError) {
                return try parser.parseDocument()
            } catch {
                preconditionFailure("a validated JSON document failed to parse: \(error.message)")
            }
        }
    }

    private func decodedString(quoteAt quote: Int) -> String {
        withBytes { buffer in
            var lexer = JSONLexer(bytes: buffer)
            lexer.i = quote
            do throws(JSONParseError) {
                // Scanned first: an escaped string's text is in the lexer's scratch only afterwards.
                let contents = try lexer.scanString()
                return lexer.string(contents)
            } catch {
                preconditionFailure("a validated JSON string failed to scan: \(error.message)")
            }
        }
    }

    // MARK: Scanning validated bytes

    private func end(of offset: Int, in buffer: UnsafeBufferPointer<UInt8>) -> Int {
        switch buffer[offset] {
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            if let span = span(startingAt: offset) { return Int(span.end) }
            return Self.containerEnd(buffer, from: offset)
        case UInt8(ascii: "\""):
            return Self.stringEnd(buffer, from: offset).end
        case UInt8(ascii: "t"), UInt8(ascii: "n"):
            return offset + 4
        case UInt8(ascii: "f"):
            return offset + 5
        default:
            return NumberGrammar.end(of: buffer, from: offset) ?? offset + 1
        }
    }

    private func span(startingAt offset: Int) -> Span? {
        let target = UInt32(truncatingIfNeeded: offset)
        var low = 0, high = spans.count
        while low < high {
            let middle = (low + high) / 2
            if spans[middle].start < target { low = middle + 1 } else { high = middle }
        }
        return low < spans.count && spans[low].start == target ? spans[low] : nil
    }

    @inline(__always)
    private static func skipWhitespace(_ buffer: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int {
        var i = start
        while i < buffer.count {
            switch buffer[i] {
            case 0x20, 0x0A, 0x0D, 0x09: i += 1
            default: return i
            }
        }
        return i
    }

    /// The offset past the closing bracket of the (short, unindexed) container opening at `start`.
    private static func containerEnd(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var depth = 0
        var i = start
        while i < buffer.count {
            switch buffer[i] {
            case UInt8(ascii: "\""):
                i = stringEnd(buffer, from: i).end
                continue
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                if depth == 0 { return i + 1 }
            default:
                break
            }
            i += 1
        }
        return i
    }

    /// The offset past the closing quote of the string opening at `quote`, and whether it holds escapes.
    @inline(__always)
    private static func stringEnd(_ buffer: UnsafeBufferPointer<UInt8>, from quote: Int) -> (end: Int, escaped: Bool) {
        var i = quote + 1
        var escaped = false
        while true {
            i = JSONLexer.quoteOrBackslash(in: buffer, from: i)
            guard i < buffer.count else { return (i, escaped) }
            if buffer[i] == UInt8(ascii: "\"") { return (i + 1, escaped) }
            escaped = true
            i += 2
        }
    }
}

/// Builds a `JSONValue` tree from a contiguous UTF-8 buffer (RFC 8259).
///
/// It is iterative, with explicit stacks of pending values and keys, so nesting costs heap rather
/// than call stack; `maxDepth` still bounds nesting because printing, comparing and destroying a value
/// recurse over it.
struct JSONParser {
    private var lexer: JSONLexer
    private let maxDepth: Int

    init(bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int) {
        lexer = JSONLexer(bytes: bytes)
        self.maxDepth = maxDepth
    }

    mutating func parseDocument() throws(JSONParseError) -> JSONValue {
        lexer.skipBOM()
        lexer.skipWhitespace()
        let value = try parseValue()
        lexer.skipWhitespace()
        if !lexer.atEnd {
            throw lexer.error("unexpected \(lexer.describeByte(at: lexer.i)) after the JSON value")
        }
        return value
    }

    private struct Frame {
        var isObject: Bool
        var valueStart: Int
        var keyStart: Int
    }

    private mutating func parseValue() throws(JSONParseError) -> JSONValue {
        var values: [JSONValue] = []
        var keys: [String] = []
        var frames: [Frame] = []
        // Room for a small document at once: growing from empty would reallocate each stack several
        // times, the most of a short response's parse.
        values.reserveCapacity(16)
        keys.reserveCapacity(16)
        frames.reserveCapacity(8)
        let bytes = lexer.bytes

        while true {
            // A value starts here (whitespace already skipped).
            guard !lexer.atEnd else { throw lexer.error("unexpected end of input, expected a value") }
            var value: JSONValue
            switch bytes[lexer.i] {
            case UInt8(ascii: "{"):
                guard frames.count < maxDepth else { throw lexer.error("nesting deeper than \(maxDepth) levels") }
                lexer.i += 1
                lexer.skipWhitespace()
                if !lexer.atEnd && bytes[lexer.i] == UInt8(ascii: "}") {
                    lexer.i += 1
                    value = .object(JSONObject())
                } else {
                    frames.append(Frame(isObject: true, valueStart: values.count, keyStart: keys.count))
                    let key = try lexer.scanKey()
                    keys.append(lexer.string(key))
                    continue
                }
            case UInt8(ascii: "["):
                guard frames.count < maxDepth else { throw lexer.error("nesting deeper than \(maxDepth) levels") }
                lexer.i += 1
                lexer.skipWhitespace()
                if !lexer.atEnd && bytes[lexer.i] == UInt8(ascii: "]") {
                    lexer.i += 1
                    value = .array([])
                } else {
                    frames.append(Frame(isObject: false, valueStart: values.count, keyStart: keys.count))
                    continue
                }
            case UInt8(ascii: "\""):
                let contents = try lexer.scanString()
                value = .string(lexer.string(contents))
            case UInt8(ascii: "t"):
                try lexer.expectWord("true")
                value = .bool(true)
            case UInt8(ascii: "f"):
                try lexer.expectWord("false")
                value = .bool(false)
            case UInt8(ascii: "n"):
                try lexer.expectWord("null")
                value = .null
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                let range = try lexer.scanNumber()
                let literal = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
                value = .number(JSONNumber(validatedLiteral: literal))
            default:
                throw lexer.error("unexpected \(lexer.describeByte(at: lexer.i)), expected a value")
            }

            // Attach the finished value to its container, closing containers as long as they end here.
            attaching: while true {
                guard let frame = frames.last else { return value }
                values.append(value)
                lexer.skipWhitespace()
                let closer = frame.isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
                guard !lexer.atEnd else {
                    throw lexer.error("unexpected end of input, expected ',' or '\(UnicodeScalar(closer))'")
                }
                let byte = bytes[lexer.i]
                if byte == UInt8(ascii: ",") {
                    lexer.i += 1
                    lexer.skipWhitespace()
                    if frame.isObject {
                        let key = try lexer.scanKey()
                        keys.append(lexer.string(key))
                    }
                    break attaching
                }
                guard byte == closer else {
                    throw lexer.error("unexpected \(lexer.describeByte(at: lexer.i)), expected ',' or '\(UnicodeScalar(closer))'")
                }
                lexer.i += 1
                frames.removeLast()
                if frame.isObject {
                    let count = values.count - frame.valueStart
                    var members: [JSONObject.Member] = []
                    members.reserveCapacity(count)
                    for k in 0..<count {
                        members.append((key: keys[frame.keyStart + k], value: values[frame.valueStart + k]))
                    }
                    values.removeSubrange(frame.valueStart...)
                    keys.removeSubrange(frame.keyStart...)
                    value = .object(JSONObject(members))
                } else {
                    value = .array(Array(values[frame.valueStart...]))
                    values.removeSubrange(frame.valueStart...)
                }
            }
            lexer.skipWhitespace()
        }
    }
}

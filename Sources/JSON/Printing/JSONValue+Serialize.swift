extension JSONValue {
    public func serialized(style: JSONStyle = .compact) -> String {
        String(decoding: serializedBytes(style: style), as: UTF8.self)
    }

    public func serializedBytes(style: JSONStyle = .compact) -> [UInt8] {
        var writer = JSONWriter(style: style)
        writer.write(self)
        return writer.buffer
    }

    /// Writes the serialization in chunks of about `chunkSize` bytes to `sink`, without building it whole.
    public func write(style: JSONStyle = .compact, chunkSize: Int = 1 << 20, to sink: (UnsafeBufferPointer<UInt8>) -> Void) {
        withoutActuallyEscaping(sink) { sink in
            var writer = JSONWriter(style: style, chunkSize: chunkSize, sink: sink)
            writer.write(self)
            writer.flush()
        }
    }

    /// `text` as a JSON string literal (quoted and escaped).
    public static func quoted(_ text: String) -> String {
        var writer = JSONWriter(style: .compact)
        writer.appendQuoted(text)
        return String(decoding: writer.buffer, as: UTF8.self)
    }
}

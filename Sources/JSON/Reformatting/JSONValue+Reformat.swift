extension JSONValue {
    /// Checks that `bytes` hold one JSON document, then writes it in `style` to `sink` in chunks,
    /// without building a tree: memory stays near the input's size whatever the document.
    ///
    /// Accepts and rejects exactly what `parse` does (same errors), and writes exactly what
    /// `parse(bytes).write(style:to:)` would. Nothing is written when the document is invalid.
    public static func reformat(
        _ bytes: some Collection<UInt8>,
        style: JSONStyle,
        maxDepth: Int = defaultMaxDepth,
        chunkSize: Int = 1 << 20,
        to sink: (UnsafeBufferPointer<UInt8>) -> Void
    ) throws(JSONParseError) {
        let result = bytes.withContiguousStorageIfAvailable { buffer in
            Result { () throws(JSONParseError) in
                try reformat(buffer: buffer, style: style, maxDepth: maxDepth, chunkSize: chunkSize, to: sink)
            }
        }
        if let result { return try result.get() }
        try reformat(Array(bytes), style: style, maxDepth: maxDepth, chunkSize: chunkSize, to: sink)
    }

    private static func reformat(
        buffer: UnsafeBufferPointer<UInt8>, style: JSONStyle, maxDepth: Int, chunkSize: Int, to sink: (UnsafeBufferPointer<UInt8>) -> Void
    ) throws(JSONParseError) {
        var validator = JSONReformatter(bytes: buffer, maxDepth: maxDepth)
        var unused = JSONWriter(style: style)
        try validator.run(into: &unused, emitting: false)
        try withoutActuallyEscaping(sink) { sink throws(JSONParseError) in
            var writer = JSONWriter(style: style, chunkSize: chunkSize, sink: sink)
            var formatter = JSONReformatter(bytes: buffer, maxDepth: maxDepth)
            try formatter.run(into: &writer, emitting: true)
            writer.flush()
        }
    }
}

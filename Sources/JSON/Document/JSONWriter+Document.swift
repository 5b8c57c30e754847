extension JSONWriter {
    /// Writes a document's node exactly as `write(document.value(of: node))` would, straight from
    /// its bytes without building its tree.
    public mutating func write(_ node: JSONDocument.Node, in document: JSONDocument) {
        write(node, in: document, depth: 0)
    }

    /// Writes the nodes as one JSON array, exactly as `write(.array(values))` would.
    public mutating func writeArray(_ nodes: [JSONDocument.Node], in document: JSONDocument) {
        punctuation(UInt8(ascii: "["))
        if nodes.isEmpty {
            punctuation(UInt8(ascii: "]"))
            return
        }
        for (position, node) in nodes.enumerated() {
            if position > 0 { punctuation(UInt8(ascii: ",")) }
            newline(1)
            write(node, in: document, depth: 1)
            flushIfFull()
        }
        newline(0)
        punctuation(UInt8(ascii: "]"))
    }

    private mutating func write(_ node: JSONDocument.Node, in document: JSONDocument, depth: Int) {
        let range = document.range(of: node)
        document.withBytes { buffer in
            var formatter = JSONReformatter(
                bytes: UnsafeBufferPointer(rebasing: buffer[range]), maxDepth: .max, baseDepth: depth
            )
            do throws(JSONParseError) {
                try formatter.run(into: &self, emitting: true)
            } catch {
                preconditionFailure("a validated JSON document failed to reformat: \(error.message)")
            }
        }
    }
}

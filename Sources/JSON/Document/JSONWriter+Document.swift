extension JSONWriter {
    /// Writes a document's node exactly as `write(document.value(of: node))` would, straight from
    /// its bytes without building its tree.
    public mutating func write(_ node: JSONDocument.Node, in document: JSONDocument) {
        write(node, in: document, depth: 0)
    }

    /// Writes the nodes `forEachNode` hands over, in that order, as one JSON array, exactly as
    /// `write(.array(values))` would: each is written as it comes, so none needs to be kept.
    public mutating func writeArray(in document: JSONDocument, _ forEachNode: ((JSONDocument.Node) -> Void) -> Void) {
        punctuation(UInt8(ascii: "["))
        var isEmpty = true
        forEachNode { node in
            if !isEmpty { punctuation(UInt8(ascii: ",")) }
            isEmpty = false
            newline(1)
            write(node, in: document, depth: 1)
            flushIfFull()
        }
        if !isEmpty { newline(0) }
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

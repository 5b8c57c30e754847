import JSON

/// How `apish query` prints a nodelist: a JSON array (default) or one item per line, of values or of
/// normalized paths, with strings optionally unquoted.
public struct QueryResultPrinter: Sendable {
    public var paths: Bool
    public var each: Bool
    public var raw: Bool
    public var style: JSONStyle

    /// `raw` prints one item per line whatever `each` says: unquoted strings inside an array would not be JSON.
    public init(paths: Bool = false, each: Bool = false, raw: Bool = false, style: JSONStyle = .pretty) {
        self.paths = paths
        self.each = each || raw
        self.raw = raw
        self.style = style
    }

    /// Writes the output, ending with a newline, in chunks to `sink`.
    public func write(_ nodes: [JSONPathNode], to sink: (UnsafeBufferPointer<UInt8>) -> Void) {
        let items = nodes.map { paths ? JSONValue.string($0.path) : $0.value }
        write(to: sink, array: { $0.write(.array(items)) }, lines: { writer in
            for item in items {
                if raw, case .string(let text) = item {
                    writer.writeUnquoted(text)
                } else {
                    writer.write(item)
                }
                writer.writeNewline()
                writer.flushIfFull()
            }
        })
    }

    /// Writes the values of the nodes `query` selects from a document straight from its bytes, each as it
    /// is selected: the same output as `write(_:to:)` gives for their values, without building trees or
    /// keeping the nodes. Paths are printed by `write(_:to:)`.
    public func write(_ query: JSONPathQuery, in document: JSONDocument, to sink: (UnsafeBufferPointer<UInt8>) -> Void) {
        write(to: sink, array: { $0.writeArray(in: document) { query.forEachNode(in: document, $0) } }, lines: { writer in
            query.forEachNode(in: document) { node in
                if raw, let text = document.string(of: node) {
                    writer.writeUnquoted(text)
                } else {
                    writer.write(node, in: document)
                }
                writer.writeNewline()
                writer.flushIfFull()
            }
        })
    }

    /// One JSON array in the style, or one compact item per line (`lines` writes them).
    private func write(to sink: (UnsafeBufferPointer<UInt8>) -> Void, array: (inout JSONWriter) -> Void, lines: (inout JSONWriter) -> Void) {
        withoutActuallyEscaping(sink) { sink in
            var lineStyle = style
            lineStyle.pretty = false
            var writer = JSONWriter(style: each ? lineStyle : style, sink: sink)
            if each {
                lines(&writer)
            } else {
                array(&writer)
                writer.writeNewline()
            }
            writer.flush()
        }
    }

    /// The whole output as bytes.
    public func render(_ nodes: [JSONPathNode]) -> [UInt8] {
        var output: [UInt8] = []
        write(nodes) { output.append(contentsOf: $0) }
        return output
    }
}

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
    public func write(_ nodes: [JSONPathNode], to sink: ([UInt8]) -> Void) {
        withoutActuallyEscaping(sink) { sink in
            let items = nodes.map { paths ? JSONValue.string($0.path) : $0.value }
            if !each {
                var writer = JSONWriter(style: style, sink: sink)
                writer.write(.array(items))
                writer.writeNewline()
                writer.flush()
                return
            }
            var lineStyle = style
            lineStyle.pretty = false
            var writer = JSONWriter(style: lineStyle, sink: sink)
            for item in items {
                if raw, case .string(let text) = item {
                    writer.writeUnquoted(text)
                } else {
                    writer.write(item)
                }
                writer.writeNewline()
            }
            writer.flush()
        }
    }

    /// Writes the values of nodes selected from a document straight from its bytes: the same output as
    /// `write(_:to:)` gives for their values, without building trees. Paths are printed by `write(_:to:)`.
    public func write(_ nodes: [JSONDocument.Node], in document: JSONDocument, to sink: ([UInt8]) -> Void) {
        withoutActuallyEscaping(sink) { sink in
            if !each {
                var writer = JSONWriter(style: style, sink: sink)
                writer.writeArray(nodes, in: document)
                writer.writeNewline()
                writer.flush()
                return
            }
            var lineStyle = style
            lineStyle.pretty = false
            var writer = JSONWriter(style: lineStyle, sink: sink)
            for node in nodes {
                if raw, let text = document.string(of: node) {
                    writer.writeUnquoted(text)
                } else {
                    writer.write(node, in: document)
                }
                writer.writeNewline()
                if writer.buffer.count >= 1 << 20 { writer.flush() }
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

import JSON

/// A compiled JSONPath query: RFC 9535 in full, or the shell's shorthand.
public struct JSONPathQuery: Sendable, CustomStringConvertible {
    /// The text the query was compiled from.
    public let text: String
    let segments: [Segment]

    /// Strict RFC 9535: starts with `$`, functions well-typed, no trailing blanks.
    public init(_ text: String) throws(JSONPathError) {
        var parser = QueryParser(text, shorthand: false)
        self.segments = try parser.parseQuery()
        self.text = text
    }

    /// Full JSONPath, or the shell shorthand where `$` may be left out: `.contact.id`, `contacts[0].email`,
    /// `..id`, `contact.id`, `.contacts.*.fields.all.email`. Dot names may contain `-` and digits;
    /// an all-digit name (`.contacts.5`) selects the member "5" of an object or the element 5 of an array.
    public init(shorthand text: String) throws(JSONPathError) {
        var parser = QueryParser(text, shorthand: true)
        self.segments = try parser.parseQuery()
        self.text = text
    }

    /// The selected nodes in document order, each with its normalized path.
    public func evaluate(_ root: JSONValue) -> [JSONPathNode] {
        Evaluator(root: root, regexes: RegexCache())
            .select(segments, from: root, trackingPaths: true)
            .map { JSONPathNode(path: NormalizedPath.render($0.path), value: $0.value) }
    }

    /// The selected values in document order, without computing paths.
    public func values(in root: JSONValue) -> [JSONValue] {
        Evaluator(root: root, regexes: RegexCache())
            .select(segments, from: root, trackingPaths: false)
            .map(\.value)
    }

    /// The selected nodes of a document read in place, in document order, each with its normalized path:
    /// the same nodes `evaluate` selects from the document's tree, without building it.
    public func evaluate(_ document: JSONDocument) -> [(path: String, node: JSONDocument.Node)] {
        let selection = documentEvaluator(document).select(segments, trackingPaths: true)
        return zip(selection.paths, selection.nodes).map { (path: NormalizedPath.render($0), node: $1) }
    }

    /// The selected nodes of a document read in place, in document order, without computing paths.
    public func nodes(in document: JSONDocument) -> [JSONDocument.Node] {
        documentEvaluator(document).select(segments, trackingPaths: false).nodes
    }

    /// Calls `body` with each node `nodes(in:)` selects, in the same order, as it is selected: a query
    /// that selects millions of nodes holds none of them.
    public func forEachNode(in document: JSONDocument, _ body: (JSONDocument.Node) -> Void) {
        withoutActuallyEscaping(body) { body in
            _ = documentEvaluator(document).select(segments, trackingPaths: false, delivery: body)
        }
    }

    private func documentEvaluator(_ document: JSONDocument) -> DocumentEvaluator {
        // Only filters that query from `$` need the root as a tree; the rest never read it.
        let rootValue = segments.filtersQueryRoot ? document.value(of: document.root) : .null
        return DocumentEvaluator(document: document, regexes: RegexCache(), rootValue: rootValue)
    }

    /// True when the query can select at most one node (only single names and indices, no descendants).
    public var isSingular: Bool {
        FilterQuery(isRelative: false, segments: segments).isSingular
    }

    public var description: String { text }
}

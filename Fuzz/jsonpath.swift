import JSON
import JSONPath

/// A JSONPath query on the first line, a JSON document after it (a fixed one when it does not parse):
/// the query is compiled strictly and as shell shorthand, and every query that compiles is evaluated,
/// on the document's tree and on the document read in place, which must select the same values.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONPath(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let (query, rest) = FuzzInput(data, size).firstLineAndRest
    let parsed = try? JSONValue.parse(rest)
    let document = parsed ?? fallbackDocument
    let inPlace = parsed == nil ? fallbackInPlace : try? JSONDocument(Array(rest.utf8))
    require(inPlace != nil, "a document the tree parser reads is refused in place")
    for compiled in [try? JSONPathQuery(query), try? JSONPathQuery(shorthand: query)] {
        guard let compiled, let inPlace else { continue }
        let nodes = compiled.evaluate(document)
        let values = compiled.values(in: document)
        require(nodes.map(\.value) == values, "evaluate and values select different nodes")
        require(!compiled.isSingular || values.count <= 1, "a singular query selected several nodes")
        let selected = compiled.nodes(in: inPlace)
        require(selected.map { inPlace.value(of: $0) } == values, "the tree and the document in place select differently")
        var delivered: [JSONDocument.Node] = []
        compiled.forEachNode(in: inPlace) { delivered.append($0) }
        require(delivered == selected, "forEachNode and nodes(in:) select differently")
    }
    return 0
}

private let fallbackDocument = try! JSONValue.parse("""
    {"store": {"book": [{"category": "reference", "author": "Nigel Rees", "title": "Sayings", "price": 8.95},
    {"category": "fiction", "author": "Evelyn Waugh", "price": 12.99, "isbn": "0-553-21311-3"}],
    "bicycle": {"color": "red", "price": 399}}, "a": [1, 2.5, -3e2, null, true, "x", [], {}], "ü": {"": 0}}
    """)
private let fallbackInPlace = try! JSONDocument(Array(fallbackDocument.serializedBytes()))

import JSON
import JSONPath
import Testing

/// Queries over a `JSONDocument` read in place must give exactly what queries over the parsed tree give:
/// the same nodes in the same order, the same paths, the same printed output, on random documents
/// (duplicate keys, big and oddly written numbers, escapes, whitespace) and random queries.
@Suite struct DocumentEvaluationTests {
    /// A permuted congruential sequence, so every failure names a seed that reproduces it.
    struct Seeded {
        var state: UInt64

        mutating func pick(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }

        mutating func choose<T>(_ options: [T]) -> T { options[pick(options.count)] }
    }

    /// Names repeat on purpose (duplicates within one object), some written with escapes that decode
    /// to another name (`k\u0031` is `k1`).
    static let names = [#""k0""#, #""k1""#, #""k2""#, #""k\u0031""#, #""ü""#, #""a'b""#, #""\n""#]
    static let scalars = [
        "true", "false", "null", "0", "-0", "1", "2", "-12", "1.50", "1e400", "-2.5E-3", "10e-1",
        "123456789012345678901234567890", #""""#, #""k1""#, #""Zoë 李 🚀""#, #""\"\\\/\b\f\n\r\t""#,
        #""\u00e9\ud83d\ude80""#, #""\ud800 lone""#, #""plain text that is long enough to be scanned in words""#,
    ]
    static let blanks = ["", "", " ", "\n  ", "\t"]

    static func value(_ random: inout Seeded, depth: Int) -> String {
        let roll = depth > 5 ? random.pick(3) : random.pick(7)
        if roll < 3 { return random.choose(scalars) }
        let count = random.pick(6)
        if roll < 5 {
            let elements = (0..<count).map { _ in
                random.choose(blanks) + value(&random, depth: depth + 1) + random.choose(blanks)
            }
            return "[" + random.choose(blanks) + elements.joined(separator: ",") + "]"
        }
        let members = (0..<count).map { _ in
            random.choose(blanks) + random.choose(names) + random.choose(blanks) + ":" + random.choose(blanks)
                + value(&random, depth: depth + 1) + random.choose(blanks)
        }
        return "{" + random.choose(blanks) + members.joined(separator: ",") + "}"
    }

    static let selectors = [
        ".k1", ".k0", "['k2']", "['ü']", "['a\\'b']", "['\\n']", "[*]", ".*", "[0]", "[1]", "[-1]", "[5]",
        "[1:3]", "[::-1]", "[::2]", "[-2:]", "['k0','k1']", "[0,-1,0]", "[?@.k1]", "[?@.k1 > 1]",
        "[?@ == 'k1']", "[?@.k0 == @.k1]", "[?length(@) > 2]", "[?count(@.*) == 2]", "[?$.k1]",
        "[?@.k2 < $[0]]", "[?!@.k0]", "[?match(@, '[a-z]+')]", "[?search(@, 'ë')]", "[?value(@..k1) == 1]",
    ]

    static func query(_ random: inout Seeded) -> String {
        var text = "$"
        for _ in 0..<(1 + random.pick(3)) {
            let selector = random.choose(selectors)
            if random.pick(3) == 0 {
                text += selector.hasPrefix(".") ? "." + selector : ".." + selector
            } else {
                text += selector
            }
        }
        return text
    }

    @Test(arguments: 0..<300)
    func documentAndTreeSelectTheSameNodes(_ seed: Int) throws {
        var random = Seeded(state: UInt64(seed) &* 0x9E37_79B9_7F4A_7C15 &+ 1)
        let text = Self.value(&random, depth: 0)
        let bytes = Array(text.utf8)
        let tree = try JSONValue.parse(bytes)
        // Every other document reads bytes held outside an array, as a mapped file's are.
        let document = seed.isMultiple(of: 2) ? try JSONDocument(bytes) : try HeldBytes(bytes).document()
        #expect(document.value(of: document.root) == tree, "seed \(seed): \(text)")
        for _ in 0..<8 {
            let query = try JSONPathQuery(Self.query(&random))
            let expected = query.evaluate(tree)
            let selected = query.evaluate(document)
            let context = "seed \(seed): \(query) on \(text)"
            #expect(selected.map(\.path) == expected.map(\.path), "\(context)")
            #expect(selected.map { document.value(of: $0.node) } == expected.map(\.value), "\(context)")
            #expect(query.nodes(in: document) == selected.map(\.node), "\(context)")
            var delivered: [JSONDocument.Node] = []
            query.forEachNode(in: document) { delivered.append($0) }
            #expect(delivered == selected.map(\.node), "\(context)")
            for printer in [
                QueryResultPrinter(), QueryResultPrinter(style: .compact), QueryResultPrinter(each: true),
                QueryResultPrinter(raw: true), QueryResultPrinter(style: JSONStyle.pretty.colored()),
            ] {
                var printed: [UInt8] = []
                printer.write(query, in: document) { printed.append(contentsOf: $0) }
                #expect(printed == printer.render(expected), "\(context)")
            }
        }
    }

    /// Damaged documents (bad UTF-8 among them) are refused with the very error the tree parser gives;
    /// damage that leaves valid JSON (a quote or brace inside a string) must leave the same value.
    @Test(arguments: 0..<150)
    func damagedDocumentsFailAsTheTreeParserDoes(_ seed: Int) throws {
        var random = Seeded(state: UInt64(seed) &* 0x2545_F491_4F6C_DD1D &+ 7)
        var bytes = Array(Self.value(&random, depth: 0).utf8)
        let damage: [[UInt8]] = [
            [0xFF], [0xC3], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x22], [0x5C], [0x01], [0x7D], [0x5C, 0x75, 0x31], [0x5C, 0x78],
        ]
        bytes.insert(contentsOf: random.choose(damage), at: random.pick(bytes.count + 1))
        let tree = Result { () throws(JSONParseError) in try JSONValue.parse(bytes) }
        let document = Result { () throws(JSONParseError) in try JSONDocument(bytes) }
        switch (tree, document) {
        case (.failure(let treeError), .failure(let documentError)):
            #expect(documentError == treeError, "seed \(seed)")
        case (.success(let value), .success(let document)):
            #expect(document.value(of: document.root) == value, "seed \(seed)")
        default:
            Issue.record("seed \(seed): the tree parser gave \(tree), the document \(document)")
        }
    }

    /// Bytes outside any array, freed by their owner's deinit.
    final class HeldBytes: @unchecked Sendable {  // immutable after init
        let buffer: UnsafeMutableBufferPointer<UInt8>

        init(_ bytes: [UInt8]) {
            buffer = .allocate(capacity: bytes.count)
            _ = buffer.initialize(from: bytes)
        }

        deinit {
            buffer.deallocate()
        }

        func document() throws(JSONParseError) -> JSONDocument {
            try JSONDocument(borrowing: UnsafeBufferPointer(buffer), owner: self)
        }
    }

    @Test func aDocumentKeepsTheOwnerOfItsBytesAliveAndNoLonger() throws {
        weak var released: HeldBytes?
        var copy: JSONDocument?
        do {
            let document = try HeldBytes(Array(#"{"k1":[1,"two"]}"#.utf8)).document()
            copy = document
        }
        let kept = try #require(copy)
        #expect(try JSONPathQuery("$.k1[1]").evaluate(kept).map { kept.value(of: $0.node) } == [.string("two")])
        do {
            let owner = HeldBytes(Array("[]".utf8))
            released = owner
            copy = try owner.document()
        }
        #expect(released != nil)
        copy = nil
        #expect(released == nil)
    }

    @Test func theRootAloneIsDeliveredToo() throws {
        let document = try JSONDocument(Array(" [1]".utf8))
        let root = try JSONPathQuery("$")
        var delivered: [JSONDocument.Node] = []
        root.forEachNode(in: document) { delivered.append($0) }
        #expect(delivered == [document.root])
        var printed: [UInt8] = []
        QueryResultPrinter(style: .compact).write(root, in: document) { printed.append(contentsOf: $0) }
        #expect(String(decoding: printed, as: UTF8.self) == "[[1]]\n")
    }

    @Test func longContainersAreSkippedThroughTheIndex() throws {
        // Members long enough to be indexed, around short ones, at several depths.
        let long = "[" + (0..<40).map { #"{"k1":\#($0),"pad":"\#(String(repeating: "x", count: $0 * 3))"}"# }.joined(separator: ",") + "]"
        let text = #"{"k0":\#(long),"k1":{"k1":\#(long),"k2":[\#(long),\#(long)]},"k2":1}"#
        let tree = try JSONValue.parse(text)
        let document = try JSONDocument(Array(text.utf8))
        for query in ["$..k1", "$.k1.k2[1][39].pad", "$..[?@.k1 > 37]", "$.*[-1]", "$.k2"] {
            let compiled = try JSONPathQuery(query)
            #expect(compiled.evaluate(document).map { document.value(of: $0.node) } == compiled.values(in: tree), "\(query)")
        }
    }
}

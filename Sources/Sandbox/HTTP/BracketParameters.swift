import JSON

/// Builds nested values from bracketed names the way PHP does for query strings and form bodies:
/// `where[0][col]=email` nests, `tags[]=a&tags[]=b` appends. A level whose keys are exactly 0..n-1
/// becomes a JSON array, as PHP's `json_encode` would print it.
enum BracketParameters {
    private indirect enum Node {
        case leaf(String)
        case branch([(key: String, node: Node)])
    }

    /// PHP's `max_input_nesting_level`: deeper names are dropped, which also bounds the recursion here.
    static let maxNesting = 64

    static func object(from pairs: [(String, String)]) -> JSONObject {
        var root: [(key: String, node: Node)] = []
        for (name, value) in pairs {
            let path = keyPath(name)
            guard !path.isEmpty, !path[0].isEmpty, path.count <= maxNesting else { continue }
            insert(value, at: path[...], into: &root)
        }
        return JSONObject(root.map { (key: $0.key, value: jsonValue($0.node)) })
    }

    /// `a[b][]` → ["a", "b", ""]; a name without a closing bracket keeps its brackets literally;
    /// a name starting with `[` has an empty base, which PHP drops.
    static func keyPath(_ name: String) -> [String] {
        guard let open = name.firstIndex(of: "[") else { return [name] }
        if open == name.startIndex { return [""] }
        var keys = [String(name[..<open])]
        var rest = name[open...]
        while rest.first == "[", let close = rest.firstIndex(of: "]") {
            keys.append(String(rest[rest.index(after: rest.startIndex)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        if keys.count == 1 { return [name] }
        return keys
    }

    private static func insert(_ value: String, at path: ArraySlice<String>, into members: inout [(key: String, node: Node)]) {
        var key = path.first!
        if key.isEmpty {
            let next = members.compactMap { Int($0.key) }.max().map { $0 + 1 } ?? 0
            key = String(next)
        }
        let rest = path.dropFirst()
        let index = members.firstIndex { $0.key == key }
        if rest.isEmpty {
            if let index { members[index].node = .leaf(value) } else { members.append((key, .leaf(value))) }
            return
        }
        var children: [(key: String, node: Node)] = []
        if let index, case .branch(let existing) = members[index].node { children = existing }
        insert(value, at: rest, into: &children)
        if let index { members[index].node = .branch(children) } else { members.append((key, .branch(children))) }
    }

    private static func jsonValue(_ node: Node) -> JSONValue {
        switch node {
        case .leaf(let text):
            return .string(text)
        case .branch(let members):
            let isList = members.enumerated().allSatisfy { $0.element.key == String($0.offset) }
            if isList { return .array(members.map { jsonValue($0.node) }) }
            return .object(JSONObject(members.map { (key: $0.key, value: jsonValue($0.node)) }))
        }
    }
}

import JSON

/// Builds nested values from bracketed names the way PHP does for query strings and form bodies:
/// `where[0][col]=email` nests, `tags[]=a&tags[]=b` appends. A level whose keys are exactly 0..n-1
/// becomes a JSON array, as PHP's `json_encode` would print it.
enum BracketParameters {
    private indirect enum Node {
        case leaf(String)
        case branch(Branch)
    }

    /// One level's members in the order they first appeared, with an index by key so that each pair
    /// costs the same however many came before it.
    private struct Branch {
        var members: [(key: String, node: Node)] = []
        var positions: [String: Int] = [:]
        /// The largest integer key so far: `name[]` appends at one past it, as PHP does.
        var largestInteger: Int?

        /// The key `[]` stands for; nil when the largest integer key is `Int.max`, where PHP drops the value.
        var nextListKey: String? {
            guard let largestInteger else { return "0" }
            return largestInteger == .max ? nil : String(largestInteger + 1)
        }

        mutating func set(_ key: String, _ node: Node) {
            if let position = positions[key] {
                members[position].node = node
                return
            }
            positions[key] = members.count
            members.append((key, node))
            if let integer = Int(key) { largestInteger = max(largestInteger ?? integer, integer) }
        }

        /// The branch under `key`, taken out so that changing it does not copy it (a leaf there gives a new branch).
        mutating func takeBranch(_ key: String) -> Branch {
            guard let position = positions[key], case .branch(let branch) = members[position].node else { return Branch() }
            members[position].node = .leaf("")
            return branch
        }
    }

    /// PHP's `max_input_nesting_level`: deeper names are dropped, which also bounds the recursion here.
    static let maxNesting = 64

    static func object(from pairs: [(String, String)]) -> JSONObject {
        var root = Branch()
        for (name, value) in pairs {
            let path = keyPath(name)
            guard !path.isEmpty, !path[0].isEmpty, path.count <= maxNesting else { continue }
            insert(value, at: path[...], into: &root)
        }
        return JSONObject(root.members.map { (key: $0.key, value: jsonValue($0.node)) })
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

    private static func insert(_ value: String, at path: ArraySlice<String>, into branch: inout Branch) {
        guard let key = path.first!.isEmpty ? branch.nextListKey : path.first! else { return }
        let rest = path.dropFirst()
        if rest.isEmpty {
            branch.set(key, .leaf(value))
            return
        }
        var children = branch.takeBranch(key)
        insert(value, at: rest, into: &children)
        branch.set(key, .branch(children))
    }

    private static func jsonValue(_ node: Node) -> JSONValue {
        switch node {
        case .leaf(let text):
            return .string(text)
        case .branch(let branch):
            let isList = branch.members.enumerated().allSatisfy { $0.element.key == String($0.offset) }
            if isList { return .array(branch.members.map { jsonValue($0.node) }) }
            return .object(JSONObject(branch.members.map { (key: $0.key, value: jsonValue($0.node)) }))
        }
    }
}

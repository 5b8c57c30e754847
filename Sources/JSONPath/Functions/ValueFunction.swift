import JSON

extension FilterFunction {
    /// value(nodes): the value of the only node selected, else Nothing.
    static let value = FilterFunction(name: "value", parameters: [.nodes], result: .value) { arguments, _ in
        guard case .nodes(let nodes) = arguments[0], nodes.count == 1 else { return .value(nil) }
        return .value(nodes[0])
    }
}

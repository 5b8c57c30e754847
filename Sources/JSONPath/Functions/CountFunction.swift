import JSON

extension FilterFunction {
    /// count(nodes): how many nodes a query selects.
    static let count = FilterFunction(name: "count", parameters: [.nodes], result: .value) { arguments, _ in
        guard case .nodes(let nodes) = arguments[0] else { return .value(nil) }
        return .value(.number(JSONNumber(nodes.count)))
    }
}

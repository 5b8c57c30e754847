import JSON

/// Applies segments to nodelists (RFC 9535 §2.1.2). Paths are tracked only when asked for, since
/// filters and value-only output never need them.
struct Evaluator {
    let root: JSONValue
    let regexes: RegexCache

    struct Node {
        var value: JSONValue
        var path: [PathComponent]
    }

    func select(_ segments: [Segment], from start: JSONValue, trackingPaths: Bool) -> [Node] {
        var nodes = [Node(value: start, path: [])]
        for segment in segments {
            var next: [Node] = []
            for node in nodes {
                if segment.isDescendant {
                    var trail = node.path
                    descend(node.value, segment.selectors, trail: &trail, tracking: trackingPaths, into: &next)
                } else {
                    apply(segment.selectors, to: node.value, path: node.path, tracking: trackingPaths, into: &next)
                }
            }
            nodes = next
            if nodes.isEmpty { break }
        }
        return nodes
    }

    /// Visits `value` and then its descendants in document order, applying the selectors at each.
    private func descend(
        _ value: JSONValue, _ selectors: [Selector], trail: inout [PathComponent], tracking: Bool, into output: inout [Node]
    ) {
        apply(selectors, to: value, path: trail, tracking: tracking, into: &output)
        switch value {
        case .array(let elements):
            for (index, element) in elements.enumerated() where element.isContainer {
                if tracking { trail.append(.index(index)) }
                descend(element, selectors, trail: &trail, tracking: tracking, into: &output)
                if tracking { trail.removeLast() }
            }
        case .object(let object):
            for member in object.members where member.value.isContainer {
                if tracking { trail.append(.name(member.key)) }
                descend(member.value, selectors, trail: &trail, tracking: tracking, into: &output)
                if tracking { trail.removeLast() }
            }
        default:
            break
        }
    }

    private func apply(
        _ selectors: [Selector], to value: JSONValue, path: [PathComponent], tracking: Bool, into output: inout [Node]
    ) {
        @inline(__always) func emit(_ child: JSONValue, _ component: @autoclosure () -> PathComponent) {
            output.append(Node(value: child, path: tracking ? path + [component()] : []))
        }
        for selector in selectors {
            switch selector {
            case .name(let name):
                guard case .object(let object) = value, let child = Self.member(object, name) else { continue }
                emit(child, .name(name))
            case .nameOrIndex(let name, let index):
                if case .object(let object) = value, let child = Self.member(object, name) {
                    emit(child, .name(name))
                } else if case .array(let elements) = value, elements.indices.contains(index) {
                    emit(elements[index], .index(index))
                }
            case .wildcard:
                switch value {
                case .array(let elements):
                    for (index, element) in elements.enumerated() { emit(element, .index(index)) }
                case .object(let object):
                    for member in object.members { emit(member.value, .name(member.key)) }
                default:
                    break
                }
            case .index(let index):
                guard case .array(let elements) = value else { continue }
                let position = index < 0 ? elements.count + index : index
                guard elements.indices.contains(position) else { continue }
                emit(elements[position], .index(position))
            case .slice(let start, let end, let step):
                guard case .array(let elements) = value else { continue }
                for position in Self.sliceIndices(count: elements.count, start: start, end: end, step: step) {
                    emit(elements[position], .index(position))
                }
            case .filter(let condition):
                switch value {
                case .array(let elements):
                    for (index, element) in elements.enumerated() where test(condition, current: element) {
                        emit(element, .index(index))
                    }
                case .object(let object):
                    for member in object.members where test(condition, current: member.value) {
                        emit(member.value, .name(member.key))
                    }
                default:
                    break
                }
            }
        }
    }

    /// The last member with that name, names compared by Unicode scalars (not canonical equivalence).
    static func member(_ object: JSONObject, _ name: String) -> JSONValue? {
        for member in object.members.reversed() where member.key.utf8.elementsEqual(name.utf8) {
            return member.value
        }
        return nil
    }

    /// RFC 9535 §2.3.4.2.2.
    static func sliceIndices(count: Int, start: Int?, end: Int?, step: Int?) -> [Int] {
        let step = step ?? 1
        guard step != 0 else { return [] }
        func normalize(_ index: Int) -> Int { index >= 0 ? index : count + index }
        if step > 0 {
            let lower = min(max(normalize(start ?? 0), 0), count)
            let upper = min(max(normalize(end ?? count), 0), count)
            return lower < upper ? Array(stride(from: lower, to: upper, by: step)) : []
        }
        let upper = min(max(normalize(start ?? count - 1), -1), count - 1)
        let lower = min(max(end.map(normalize) ?? -1, -1), count - 1)
        return lower < upper ? Array(stride(from: upper, to: lower, by: step)) : []
    }

    // MARK: Filters

    func test(_ expression: LogicalExpression, current: JSONValue) -> Bool {
        switch expression {
        case .or(let operands):
            return operands.contains { test($0, current: current) }
        case .and(let operands):
            return operands.allSatisfy { test($0, current: current) }
        case .not(let operand):
            return !test(operand, current: current)
        case .comparison(let left, let comparison, let right):
            return Comparison.holds(value(of: left, current: current), comparison, value(of: right, current: current))
        case .exists(let query):
            return !nodes(of: query, current: current).isEmpty
        case .function(let call):
            switch self.call(call, current: current) {
            case .logical(let flag): return flag
            case .nodes(let nodes): return !nodes.isEmpty
            case .value(let value): return value != nil
            }
        }
    }

    private func value(of comparable: ComparableExpression, current: JSONValue) -> JSONValue? {
        switch comparable {
        case .literal(let literal):
            return literal
        case .query(let query):
            return nodes(of: query, current: current).first
        case .function(let call):
            if case .value(let value) = self.call(call, current: current) { return value }
            return nil
        }
    }

    private func nodes(of query: FilterQuery, current: JSONValue) -> [JSONValue] {
        select(query.segments, from: query.isRelative ? current : root, trackingPaths: false).map(\.value)
    }

    private func call(_ call: FunctionCall, current: JSONValue) -> FunctionValue {
        let arguments = zip(call.arguments, call.function.parameters).map { argument, type -> FunctionValue in
            switch argument {
            case .literal(let literal): return .value(literal)
            case .query(let query):
                let found = nodes(of: query, current: current)
                return type == .nodes ? .nodes(found) : .value(found.first)
            case .logical(let expression): return .logical(test(expression, current: current))
            case .function(let inner): return self.call(inner, current: current)
            }
        }
        return call.function.evaluate(arguments, regexes)
    }
}

extension JSONValue {
    var isContainer: Bool {
        switch self {
        case .array, .object: true
        default: false
        }
    }
}

import JSON

/// Applies segments to nodelists of a `JSONDocument` read in place, selecting the same nodes in the same
/// order as `Evaluator` does on the document's tree. Filters test one candidate at a time as a tree:
/// the candidate is materialized, tested by `Evaluator`, and dropped.
struct DocumentEvaluator {
    let document: JSONDocument
    let filters: Evaluator

    typealias Node = JSONDocument.Node

    /// Selected nodes in order, and their paths when tracked (kept apart so untracked selections stay
    /// 8 bytes a node); or, with `delivery`, nodes handed on as they are selected and not kept.
    struct Selection {
        var nodes: [Node] = []
        var paths: [[PathComponent]] = []
        var delivery: ((Node) -> Void)?

        @inline(__always)
        mutating func add(_ node: Node, path: @autoclosure () -> [PathComponent], tracking: Bool) {
            if let delivery { return delivery(node) }
            nodes.append(node)
            if tracking { paths.append(path()) }
        }
    }

    /// `rootValue` is needed only by filters that query from the root (`$`); otherwise it is never read.
    init(document: JSONDocument, regexes: RegexCache, rootValue: JSONValue) {
        self.document = document
        filters = Evaluator(root: rootValue, regexes: regexes)
    }

    /// The selected nodes; or, given `delivery`, nothing: the last segment's nodes go to it one by one as
    /// they are selected, in the same order, and are never gathered (paths are not tracked then).
    func select(_ segments: [Segment], trackingPaths: Bool, delivery: ((Node) -> Void)? = nil) -> Selection {
        var selection = Selection(nodes: [document.root], paths: trackingPaths ? [[]] : [])
        if segments.isEmpty, let delivery {
            delivery(document.root)
            return Selection()
        }
        for (number, segment) in segments.enumerated() {
            var next = Selection(delivery: number == segments.count - 1 ? delivery : nil)
            for (position, node) in selection.nodes.enumerated() {
                let path = trackingPaths ? selection.paths[position] : []
                if segment.isDescendant {
                    var trail = path
                    var listed: [Member] = []
                    descend(node, segment.selectors, trail: &trail, tracking: trackingPaths, listed: &listed, into: &next)
                } else {
                    apply(segment.selectors, to: node, path: path, tracking: trackingPaths, into: &next)
                }
            }
            selection = next
            if selection.nodes.isEmpty { break }
        }
        return selection
    }

    typealias Member = (key: JSONDocument.Key, value: Node)

    /// Objects with at most this many members are walked once by a descent, for its selectors and
    /// for going down both; larger ones twice, so that the list stays small however wide they are.
    static let listedMembers = 64

    /// Visits `node` and then its descendants in document order, applying the selectors at each.
    /// `listed` holds the members of the objects on the way down, innermost last.
    private func descend(
        _ node: Node, _ selectors: [Selector], trail: inout [PathComponent], tracking: Bool,
        listed: inout [Member], into output: inout Selection
    ) {
        switch document.kind(of: node) {
        case .array:
            apply(selectors, to: node, path: trail, tracking: tracking, into: &output)
            document.forEachElement(of: node) { index, element in
                guard document.isContainer(element) else { return }
                if tracking { trail.append(.index(index)) }
                descend(element, selectors, trail: &trail, tracking: tracking, listed: &listed, into: &output)
                if tracking { trail.removeLast() }
            }
        case .object:
            // Walking an object means scanning every string in it: once is enough for a small one.
            let start = listed.count
            document.forEachMember(of: node) { key, value in
                listed.append((key: key, value: value))
                return listed.count - start <= Self.listedMembers
            }
            guard listed.count - start <= Self.listedMembers else {
                listed.removeLast(listed.count - start)
                apply(selectors, to: node, path: trail, tracking: tracking, into: &output)
                document.forEachMember(of: node) { key, value in
                    descendInto(value, named: key, selectors, trail: &trail, tracking: tracking, listed: &listed, into: &output)
                }
                return
            }
            let end = listed.count
            apply(selectors, to: node, members: listed[start..<end], path: trail, tracking: tracking, into: &output)
            for position in start..<end {
                let (key, value) = listed[position]
                descendInto(value, named: key, selectors, trail: &trail, tracking: tracking, listed: &listed, into: &output)
            }
            listed.removeLast(end - start)
        default:
            break
        }
    }

    /// Descends into an object's member when it is a container.
    private func descendInto(
        _ value: Node, named key: JSONDocument.Key, _ selectors: [Selector], trail: inout [PathComponent],
        tracking: Bool, listed: inout [Member], into output: inout Selection
    ) {
        guard document.isContainer(value) else { return }
        if tracking { trail.append(.name(document.name(of: key))) }
        descend(value, selectors, trail: &trail, tracking: tracking, listed: &listed, into: &output)
        if tracking { trail.removeLast() }
    }

    /// `members`, when given, are the object's members already listed, so as not to walk it again.
    private func apply(
        _ selectors: [Selector], to node: Node, members: ArraySlice<Member>? = nil, path: [PathComponent],
        tracking: Bool, into output: inout Selection
    ) {
        func forEachMember(_ body: (JSONDocument.Key, Node) -> Void) {
            guard let members else { return document.forEachMember(of: node, body) }
            for member in members { body(member.key, member.value) }
        }
        @inline(__always) func emit(_ child: Node, _ component: @autoclosure () -> PathComponent) {
            output.add(child, path: path + [component()], tracking: tracking)
        }
        let kind = document.kind(of: node)
        guard kind == .array || kind == .object else { return }
        for selector in selectors {
            switch selector {
            case .name(let name):
                guard kind == .object, let child = member(named: name, forEachMember) else { continue }
                emit(child, .name(name))
            case .nameOrIndex(let name, let index):
                if kind == .object, let child = member(named: name, forEachMember) {
                    emit(child, .name(name))
                } else if kind == .array {
                    let elements = document.elements(of: node)
                    if elements.indices.contains(index) { emit(elements[index], .index(index)) }
                }
            case .wildcard:
                if kind == .array {
                    document.forEachElement(of: node) { index, element in emit(element, .index(index)) }
                } else {
                    forEachMember { key, value in emit(value, .name(document.name(of: key))) }
                }
            case .index(let index):
                guard kind == .array else { continue }
                let elements = document.elements(of: node)
                let position = index < 0 ? elements.count + index : index
                guard elements.indices.contains(position) else { continue }
                emit(elements[position], .index(position))
            case .slice(let start, let end, let step):
                guard kind == .array else { continue }
                let elements = document.elements(of: node)
                for position in Evaluator.sliceIndices(count: elements.count, start: start, end: end, step: step) {
                    emit(elements[position], .index(position))
                }
            case .filter(let condition):
                if kind == .array {
                    document.forEachElement(of: node) { index, element in
                        if filters.test(condition, current: document.value(of: element)) { emit(element, .index(index)) }
                    }
                } else {
                    forEachMember { key, value in
                        if filters.test(condition, current: document.value(of: value)) {
                            emit(value, .name(document.name(of: key)))
                        }
                    }
                }
            }
        }
    }

    /// The last member with that name, as `Evaluator.member` picks it.
    private func member(named name: String, _ forEachMember: ((JSONDocument.Key, Node) -> Void) -> Void) -> Node? {
        var found: Node?
        forEachMember { key, value in
            if document.key(key, equals: name) { found = value }
        }
        return found
    }
}

extension [Segment] {
    /// True when some filter queries from the root (`$`), so evaluating needs the root as a tree.
    var filtersQueryRoot: Bool {
        contains { segment in
            segment.selectors.contains { selector in
                if case .filter(let condition) = selector { return condition.queriesRoot }
                return false
            }
        }
    }
}

extension LogicalExpression {
    var queriesRoot: Bool {
        switch self {
        case .or(let operands), .and(let operands): operands.contains { $0.queriesRoot }
        case .not(let operand): operand.queriesRoot
        case .comparison(let left, _, let right): left.queriesRoot || right.queriesRoot
        case .exists(let query): query.queriesRoot
        case .function(let call): call.queriesRoot
        }
    }
}

extension FilterQuery {
    var queriesRoot: Bool { !isRelative || segments.filtersQueryRoot }
}

extension ComparableExpression {
    var queriesRoot: Bool {
        switch self {
        case .literal: false
        case .query(let query): query.queriesRoot
        case .function(let call): call.queriesRoot
        }
    }
}

extension FunctionCall {
    var queriesRoot: Bool {
        arguments.contains { argument in
            switch argument {
            case .literal: false
            case .query(let query): query.queriesRoot
            case .logical(let expression): expression.queriesRoot
            case .function(let call): call.queriesRoot
            }
        }
    }
}

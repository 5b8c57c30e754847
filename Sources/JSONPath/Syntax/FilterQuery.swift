/// `@...` (relative to the current node) or `$...` (from the root) inside a filter.
struct FilterQuery: Sendable {
    var isRelative: Bool
    var segments: [Segment]

    /// At most one node whatever the document: only single names and indices, no descendants.
    var isSingular: Bool {
        segments.allSatisfy { segment in
            guard !segment.isDescendant, segment.selectors.count == 1 else { return false }
            switch segment.selectors[0] {
            case .name, .index: return true
            default: return false
            }
        }
    }
}

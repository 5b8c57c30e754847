/// One step of a query: `.name`, `[sel, sel]` (child) or `..name`, `..[sel]` (descendant).
struct Segment: Sendable {
    var isDescendant: Bool
    var selectors: [Selector]
}

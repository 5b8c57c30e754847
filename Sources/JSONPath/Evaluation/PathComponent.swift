/// One step of a normalized path: a member name or an array index.
enum PathComponent: Sendable, Hashable {
    case name(String)
    case index(Int)
}

/// The members of a JSON object in the order they were sent, duplicates included.
public struct JSONObject: Sendable, Hashable, Sequence {
    public typealias Member = (key: String, value: JSONValue)

    public private(set) var members: [Member]

    public init() { members = [] }

    public init(_ members: [Member]) { self.members = members }

    public var keys: [String] { members.map(\.key) }

    public var count: Int { members.count }

    public var isEmpty: Bool { members.isEmpty }

    /// Get: the last member with that key, as JSON parsers that keep one value do.
    /// Set: replaces the last member with that key in place, or appends; nil removes every member with that key.
    public subscript(key: String) -> JSONValue? {
        get {
            guard let position = members.lastIndex(where: { $0.key == key }) else { return nil }
            return members[position].value
        }
        set {
            guard let newValue else {
                members.removeAll { $0.key == key }
                return
            }
            if let position = members.lastIndex(where: { $0.key == key }) {
                members[position].value = newValue
            } else {
                members.append((key: key, value: newValue))
            }
        }
    }

    public mutating func append(key: String, value: JSONValue) {
        members.append((key: key, value: value))
    }

    /// One entry per distinct key, holding the last value sent for it.
    public var uniqueMembers: [String: JSONValue] {
        var result: [String: JSONValue] = [:]
        result.reserveCapacity(members.count)
        for member in members { result[member.key] = member.value }
        return result
    }

    public func makeIterator() -> IndexingIterator<[Member]> {
        members.makeIterator()
    }

    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        lhs.members.count == rhs.members.count
            && zip(lhs.members, rhs.members).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(members.count)
        for member in members {
            hasher.combine(member.key)
            hasher.combine(member.value)
        }
    }
}

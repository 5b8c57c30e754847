/// A column a list request can filter or sort on: `id`, `points`, a field alias or a date, in snake or camel case.
struct ContactColumn: Sendable {
    enum Value: Sendable {
        case null
        case integer(Int)
        case text(String)
    }

    let name: String

    init(_ requested: String) throws(MauticError) {
        var name = requested.trimmingCharacters(in: .whitespaces)
        if name.hasPrefix("l.") { name.removeFirst(2) }
        let known: [String: String] = [
            "id": "id", "points": "points",
            "date_added": "dateAdded", "dateadded": "dateAdded",
            "date_modified": "dateModified", "datemodified": "dateModified",
            "date_identified": "dateIdentified", "dateidentified": "dateIdentified",
            "last_active": "last_active", "lastactive": "last_active",
        ]
        if let canonical = known[name.lowercased()] {
            self.name = canonical
        } else if ContactField.aliases.contains(name.lowercased()) {
            self.name = name.lowercased()
        } else {
            throw MauticError.badRequest("\(requested) is not a valid column.")
        }
    }

    func value(of contact: Contact) -> Value {
        switch name {
        case "id": return .integer(contact.id)
        case "points": return .integer(contact.points)
        case "dateAdded": return .text(ContactJSON.isoText(contact.dateAdded))
        case "dateModified": return contact.dateModified.map { .text(ContactJSON.isoText($0)) } ?? .null
        case "dateIdentified": return contact.dateIdentified.map { .text(ContactJSON.isoText($0)) } ?? .null
        default: return contact.value(of: name).map { .text($0) } ?? .null
        }
    }

    /// Orders like MySQL: NULL first, numbers numerically, text case-insensitively.
    static func compare(_ lhs: Value, _ rhs: Value) -> Int {
        switch (lhs, rhs) {
        case (.null, .null): return 0
        case (.null, _): return -1
        case (_, .null): return 1
        case (.integer(let a), .integer(let b)): return a < b ? -1 : (a == b ? 0 : 1)
        default:
            let a = text(lhs), b = text(rhs)
            if let x = Double(a), let y = Double(b) { return x < y ? -1 : (x == y ? 0 : 1) }
            let la = a.lowercased(), lb = b.lowercased()
            return la < lb ? -1 : (la == lb ? 0 : 1)
        }
    }

    static func text(_ value: Value) -> String {
        switch value {
        case .null: return ""
        case .integer(let number): return String(number)
        case .text(let text): return text
        }
    }
}

import Foundation

/// All contacts and the rules that change them. A value type: the server's state actor owns one.
struct ContactBook: Sendable, Equatable {
    private(set) var contacts: [Int: Contact] = [:]
    private(set) var nextID: Int = 1
    /// Tags are entities of their own in Mautic, each with an id; this keeps those ids stable.
    private(set) var tagIDs: [String: Int] = [:]

    init(contacts: [Contact] = [], nextID: Int? = nil) {
        for contact in contacts { self.contacts[contact.id] = contact }
        self.nextID = max(nextID ?? 1, (contacts.map(\.id).max() ?? 0) + 1)
        for tag in contacts.flatMap(\.tags) { registerTag(tag) }
    }

    enum Outcome: Equatable {
        case created(Contact)
        case updated(Contact)
    }

    subscript(id: Int) -> Contact? { contacts[id] }

    var all: [Contact] { contacts.values.sorted { $0.id < $1.id } }

    func contact(withEmail email: String, excluding id: Int? = nil) -> Contact? {
        let wanted = email.lowercased()
        return all.first { $0.id != id && $0.email?.lowercased() == wanted }
    }

    /// POST /contacts/new: a contact whose email is already known is updated instead (200), else a new one (201).
    mutating func create(_ input: ContactInput, by userID: Int?, at now: Date) -> Outcome {
        if let email = input.fields["email"] ?? nil, let existing = contact(withEmail: email) {
            return .updated(merge(input, into: existing.id, at: now)!)
        }
        var contact = Contact(
            id: nextID, points: 0, fieldValues: [:], tags: [], ownerID: userID, createdBy: userID,
            dateAdded: now, dateModified: nil, dateIdentified: nil)
        nextID += 1
        apply(input, to: &contact)
        if !contact.isAnonymous { contact.dateIdentified = now }
        contacts[contact.id] = contact
        return .created(contact)
    }

    /// PATCH: only the values sent change. When the email now matches another contact the two are
    /// merged, as Mautic's ContactMerger does: the older contact survives with the newer values.
    mutating func merge(_ input: ContactInput, into id: Int, at now: Date) -> Contact? {
        guard var contact = contacts[id] else { return nil }
        apply(input, to: &contact)
        contact.dateModified = now
        if contact.dateIdentified == nil, !contact.isAnonymous { contact.dateIdentified = now }
        if let email = contact.email, let other = self.contact(withEmail: email, excluding: id) {
            let (survivor, loser) = other.id < id ? (other, contact) : (contact, other)
            var merged = survivor
            for (alias, value) in loser.fieldValues where !value.isEmpty { merged.fieldValues[alias] = value }
            merged.points = survivor.points + loser.points
            merged.tags = survivor.tags + loser.tags.filter { !survivor.tags.contains($0) }
            merged.dateModified = now
            contacts[loser.id] = nil
            contacts[merged.id] = merged
            return merged
        }
        contacts[id] = contact
        return contact
    }

    /// PUT: every field not sent is erased (points back to 0); an unknown id creates a new contact with a new id.
    mutating func replace(_ input: ContactInput, at id: Int, by userID: Int?, at now: Date) -> Outcome {
        guard var contact = contacts[id] else {
            var fresh = input
            if fresh.points == nil { fresh.points = 0 }
            var contact = Contact(
                id: nextID, points: 0, fieldValues: [:], tags: [], ownerID: userID, createdBy: userID,
                dateAdded: now, dateModified: nil, dateIdentified: nil)
            nextID += 1
            apply(fresh, to: &contact)
            if !contact.isAnonymous { contact.dateIdentified = now }
            contacts[contact.id] = contact
            return .created(contact)
        }
        contact.fieldValues = [:]
        contact.points = 0
        apply(input, to: &contact)
        contact.dateModified = now
        contacts[id] = contact
        return .updated(contact)
    }

    mutating func delete(_ id: Int) -> Contact? {
        contacts.removeValue(forKey: id)
    }

    func tagID(_ name: String) -> Int { tagIDs[name] ?? 0 }

    private mutating func registerTag(_ name: String) {
        if tagIDs[name] == nil { tagIDs[name] = tagIDs.count + 1 }
    }

    private mutating func apply(_ input: ContactInput, to contact: inout Contact) {
        for (alias, value) in input.fields {
            if let value, !value.isEmpty { contact.fieldValues[alias] = value } else { contact.fieldValues[alias] = nil }
        }
        if let points = input.points { contact.points = points }
        for tag in input.tagsToAdd where !contact.tags.contains(tag) {
            contact.tags.append(tag)
            registerTag(tag)
        }
        contact.tags.removeAll { input.tagsToRemove.contains($0) }
    }

    static func seeded(at now: Date) -> ContactBook {
        let people: [(String, String, String, String, Int, [String])] = [
            ("Ada", "Lovelace", "ada@example.com", "Analytical Engines Ltd", 25, ["math", "vip"]),
            ("Alan", "Turing", "alan@example.com", "Bletchley Park", 10, ["math"]),
            ("Grace", "Hopper", "grace@example.com", "US Navy", 40, ["cobol", "vip"]),
            ("Linus", "Torvalds", "linus@example.org", "Linux Foundation", 5, []),
            ("Margaret", "Hamilton", "margaret@example.org", "MIT", 30, ["apollo"]),
        ]
        var contacts: [Contact] = []
        for (index, person) in people.enumerated() {
            let added = now.addingTimeInterval(Double(index - people.count) * 86_400)
            contacts.append(Contact(
                id: index + 1, points: person.4,
                fieldValues: ["firstname": person.0, "lastname": person.1, "email": person.2, "company": person.3],
                tags: person.5, ownerID: 1, createdBy: 1,
                dateAdded: added, dateModified: nil, dateIdentified: added))
        }
        return ContactBook(contacts: contacts)
    }
}

import Foundation

/// A stored contact: field values by alias (absent means null), points, tags and bookkeeping dates.
struct Contact: Sendable, Equatable {
    var id: Int
    var points: Int
    var fieldValues: [String: String]
    var tags: [String]
    var ownerID: Int?
    var createdBy: Int?
    var dateAdded: Date
    var dateModified: Date?
    var dateIdentified: Date?

    func value(of alias: String) -> String? { fieldValues[alias] }

    var email: String? { fieldValues["email"] }

    /// Mautic calls a contact without a name or email anonymous.
    var isAnonymous: Bool {
        ["firstname", "lastname", "email", "company"].allSatisfy { (fieldValues[$0] ?? "").isEmpty }
    }
}

import Foundation
import JSON

/// Prints contacts with Mautic's keys in Mautic's order.
struct ContactJSON {
    let book: ContactBook
    let credentials: SandboxCredentials

    func contact(_ contact: Contact, id: Int?? = nil, minimal: Bool = false) -> JSONValue {
        let shownID: JSONValue = (id ?? contact.id).map { .number(JSONNumber($0)) } ?? .null
        if minimal {
            return .object(JSONObject([
                (key: "id", value: shownID),
                (key: "points", value: .number(JSONNumber(contact.points))),
                (key: "color", value: .null),
                (key: "fields", value: .object(JSONObject([(key: "all", value: allFields(contact, shownID: shownID))]))),
                (key: "dateAdded", value: Self.date(contact.dateAdded)),
                (key: "dateModified", value: Self.date(contact.dateModified)),
                (key: "dateIdentified", value: Self.date(contact.dateIdentified)),
                (key: "lastActive", value: .null),
            ]))
        }
        return .object(JSONObject([
            (key: "isPublished", value: .bool(true)),
            (key: "dateAdded", value: Self.date(contact.dateAdded)),
            (key: "dateModified", value: Self.date(contact.dateModified)),
            (key: "createdBy", value: contact.createdBy.map { .number(JSONNumber($0)) } ?? .null),
            (key: "createdByUser", value: userName(contact.createdBy)),
            (key: "modifiedBy", value: contact.dateModified == nil ? .null : (contact.createdBy.map { .number(JSONNumber($0)) } ?? .null)),
            (key: "modifiedByUser", value: contact.dateModified == nil ? .null : userName(contact.createdBy)),
            (key: "id", value: shownID),
            (key: "points", value: .number(JSONNumber(contact.points))),
            (key: "color", value: .null),
            (key: "fields", value: fields(contact, shownID: shownID)),
            (key: "lastActive", value: .null),
            (key: "owner", value: owner(contact.ownerID)),
            (key: "ipAddresses", value: .array([])),
            (key: "tags", value: .array(contact.tags.map(tag))),
            (key: "utmtags", value: .array([])),
            (key: "stage", value: .null),
            (key: "dateIdentified", value: Self.date(contact.dateIdentified)),
            (key: "preferredProfileImage", value: .string("gravatar")),
            (key: "doNotContact", value: .array([])),
            (key: "frequencyRules", value: .array([])),
        ]))
    }

    private func fields(_ contact: Contact, shownID: JSONValue) -> JSONValue {
        var groups = JSONObject()
        for group in ContactField.Group.allCases {
            let members = ContactField.all.filter { $0.group == group }.map { field in
                (key: field.alias, value: fieldDetails(field, value: contact.value(of: field.alias)))
            }
            // PHP prints an empty associative array as a list.
            groups[group.rawValue] = members.isEmpty ? .array([]) : .object(JSONObject(members))
        }
        groups["all"] = allFields(contact, shownID: shownID)
        return .object(groups)
    }

    private func allFields(_ contact: Contact, shownID: JSONValue) -> JSONValue {
        var all = JSONObject()
        all["id"] = shownID == .null ? .null : .string(String(contact.id))
        for field in ContactField.all {
            all[field.alias] = contact.value(of: field.alias).map { .string($0) } ?? .null
            if field.alias == "phone" { all["points"] = .number(JSONNumber(contact.points)) }
        }
        return .object(all)
    }

    private func fieldDetails(_ field: ContactField, value: String?) -> JSONValue {
        let shown: JSONValue = value.map { .string($0) } ?? .null
        return .object(JSONObject([
            (key: "id", value: .string(String(field.id))),
            (key: "label", value: .string(field.label)),
            (key: "alias", value: .string(field.alias)),
            (key: "type", value: .string(field.type)),
            (key: "group", value: .string(field.group.rawValue)),
            (key: "object", value: .string("lead")),
            (key: "is_fixed", value: .string("1")),
            (key: "properties", value: .string("a:0:{}")),
            (key: "default_value", value: .null),
            (key: "value", value: shown),
            (key: "normalizedValue", value: shown),
        ]))
    }

    private func tag(_ name: String) -> JSONValue {
        .object(JSONObject([(key: "id", value: .number(JSONNumber(book.tagID(name)))), (key: "tag", value: .string(name))]))
    }

    private func userName(_ id: Int?) -> JSONValue {
        guard let id, let user = credentials.user(id: id) else { return .null }
        return .string("\(user.firstName) \(user.lastName)")
    }

    private func owner(_ id: Int?) -> JSONValue {
        guard let id, let user = credentials.user(id: id) else { return .null }
        return .object(JSONObject([
            (key: "createdByUser", value: .null),
            (key: "modifiedByUser", value: .null),
            (key: "id", value: .number(JSONNumber(user.id))),
            (key: "username", value: .string(user.username)),
            (key: "firstName", value: .string(user.firstName)),
            (key: "lastName", value: .string(user.lastName)),
        ]))
    }

    /// ISO 8601 in UTC with an explicit offset, PHP's `c` format.
    static func date(_ date: Date?) -> JSONValue {
        guard let date else { return .null }
        return .string(isoText(date))
    }

    static func isoText(_ date: Date) -> String {
        var text = date.ISO8601Format()
        if text.hasSuffix("Z") { text.removeLast(); text += "+00:00" }
        return text
    }

    static func parseDate(_ text: String) -> Date? {
        let normalized = text.hasSuffix("+00:00") ? String(text.dropLast(6)) + "Z" : text
        return try? Date(normalized, strategy: .iso8601)
    }
}

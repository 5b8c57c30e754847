import Foundation
import JSON

/// The `--data FILE` format: contacts and the next id, as JSON. Saved atomically (write aside, then rename).
enum ContactDataFile {
    struct LoadError: Error, CustomStringConvertible {
        let description: String
    }

    static func load(_ path: String) throws(LoadError) -> ContactBook? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw LoadError(description: "cannot read \(path): \(error.localizedDescription)")
        }
        let root: JSONValue
        do { root = try JSONValue.parse(Array(data)) } catch {
            throw LoadError(description: "\(path): \(error)")
        }
        guard case .array(let items)? = root["contacts"] else {
            throw LoadError(description: "\(path): expected an object with a \"contacts\" array")
        }
        var contacts: [Contact] = []
        for item in items {
            guard let id = item["id"]?.intValue else { throw LoadError(description: "\(path): a contact has no integer id") }
            var values: [String: String] = [:]
            for (alias, value) in item["fields"]?.objectValue?.members ?? [] {
                if let text = value.stringValue, ContactField.aliases.contains(alias) { values[alias] = text }
            }
            contacts.append(Contact(
                id: id,
                points: item["points"]?.intValue ?? 0,
                fieldValues: values,
                tags: item["tags"]?.arrayValue?.compactMap(\.stringValue) ?? [],
                ownerID: item["ownerId"]?.intValue,
                createdBy: item["createdBy"]?.intValue,
                dateAdded: item["dateAdded"]?.stringValue.flatMap(ContactJSON.parseDate) ?? Date(),
                dateModified: item["dateModified"]?.stringValue.flatMap(ContactJSON.parseDate),
                dateIdentified: item["dateIdentified"]?.stringValue.flatMap(ContactJSON.parseDate)))
        }
        return ContactBook(contacts: contacts, nextID: root["nextId"]?.intValue)
    }

    static func save(_ book: ContactBook, to path: String) throws {
        let optionalInt = { (value: Int?) -> JSONValue in value.map { .number(JSONNumber($0)) } ?? .null }
        let contacts: [JSONValue] = book.all.map { contact in
            .object(JSONObject([
                (key: "id", value: .number(JSONNumber(contact.id))),
                (key: "points", value: .number(JSONNumber(contact.points))),
                (key: "fields", value: .object(JSONObject(contact.fieldValues.sorted { $0.key < $1.key }
                    .map { (key: $0.key, value: .string($0.value)) }))),
                (key: "tags", value: .array(contact.tags.map { .string($0) })),
                (key: "ownerId", value: optionalInt(contact.ownerID)),
                (key: "createdBy", value: optionalInt(contact.createdBy)),
                (key: "dateAdded", value: ContactJSON.date(contact.dateAdded)),
                (key: "dateModified", value: ContactJSON.date(contact.dateModified)),
                (key: "dateIdentified", value: ContactJSON.date(contact.dateIdentified)),
            ]))
        }
        let root = JSONValue.object(JSONObject([
            (key: "nextId", value: .number(JSONNumber(book.nextID))),
            (key: "contacts", value: .array(contacts)),
        ]))
        try Data(root.serializedBytes(style: .pretty)).write(to: URL(fileURLWithPath: path), options: .atomic)
    }
}

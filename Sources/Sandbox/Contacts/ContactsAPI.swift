import Foundation
import JSON

/// The contact routes under `/api/contacts`, answered as Mautic's `LeadApiController` answers them.
struct ContactsAPI {
    static let batchLimit = 200

    var book: ContactBook
    let credentials: SandboxCredentials
    let user: SandboxCredentials.User
    let now: Date

    /// Answers `request` if it is a contacts route; nil otherwise.
    mutating func respond(to request: SandboxRequest, parameters: RequestParameters) throws(MauticError) -> SandboxResponse? {
        let parts = request.path.split(separator: "/").map(String.init)
        guard parts.count >= 2, parts[0] == "api", parts[1] == "contacts" else { return nil }
        let rest = Array(parts.dropFirst(2))
        let method = request.method
        switch (method, rest.count) {
        case ("GET", 0):
            return try list(parameters.query)
        case ("POST", 1) where rest[0] == "new":
            return try create(request, parameters)
        case ("POST", 2) where rest == ["batch", "new"]:
            return try batchCreate(parameters)
        case ("PUT", 2) where rest == ["batch", "edit"], ("PATCH", 2) where rest == ["batch", "edit"]:
            return try batchEdit(parameters, replacing: method == "PUT")
        case ("DELETE", 2) where rest == ["batch", "delete"]:
            try requireAdmin()
            return try batchDelete(parameters)
        case ("GET", 1):
            return try get(Self.id(rest[0]))
        case ("PATCH", 2) where rest[1] == "edit", ("PUT", 2) where rest[1] == "edit":
            return try edit(Self.id(rest[0]), request, parameters, replacing: method == "PUT")
        case ("DELETE", 2) where rest[1] == "delete":
            try requireAdmin()
            return try delete(Self.id(rest[0]))
        default:
            return nil
        }
    }

    private var json: ContactJSON { ContactJSON(book: book, credentials: credentials) }

    private static func id(_ text: String) throws(MauticError) -> Int {
        guard let id = Int(text), id > 0 else { throw MauticError.notFound }
        return id
    }

    private func requireAdmin() throws(MauticError) {
        if !user.isAdmin { throw MauticError.forbidden }
    }

    private func list(_ query: JSONObject) throws(MauticError) -> SandboxResponse {
        let listQuery = try ContactListQuery(query)
        let (page, total) = listQuery.run(on: book.all)
        let printer = json
        let contacts = JSONObject(page.map { (key: String($0.id), value: printer.contact($0, minimal: listQuery.minimal)) })
        return .json(.object(JSONObject([
            (key: "total", value: .string(String(total))),
            (key: "contacts", value: .object(contacts)),
        ])))
    }

    private func get(_ id: Int) throws(MauticError) -> SandboxResponse {
        guard let contact = book[id] else { throw MauticError.notFound }
        return single(contact)
    }

    private func single(_ contact: Contact, status: Int = 200, headers: [(name: String, value: String)] = [], id: Int?? = nil) -> SandboxResponse {
        .json(.object(JSONObject([(key: "contact", value: json.contact(contact, id: id))])), status: status, headers: headers)
    }

    private static func fields(_ parameters: RequestParameters) throws(MauticError) -> JSONObject {
        guard let object = parameters.bodyObject else {
            throw MauticError.badRequest("The request body must be a JSON object or a form.")
        }
        return object
    }

    private static func overwriteWithBlank(_ object: JSONObject, default defaultValue: Bool) -> Bool {
        object["overwriteWithBlank"].map { RequestParameters.isTrue($0) } ?? defaultValue
    }

    private mutating func create(_ request: SandboxRequest, _ parameters: RequestParameters) throws(MauticError) -> SandboxResponse {
        let object = try Self.fields(parameters)
        let input = try ContactInput(object, keepBlanks: Self.overwriteWithBlank(object, default: false))
        switch book.create(input, by: user.id, at: now) {
        case .created(let contact):
            return single(contact, status: 201, headers: [("Location", "http://\(request.host)/api/contacts/\(contact.id)")])
        case .updated(let contact):
            return single(contact)
        }
    }

    private mutating func edit(_ id: Int, _ request: SandboxRequest, _ parameters: RequestParameters, replacing: Bool) throws(MauticError) -> SandboxResponse {
        let object = try Self.fields(parameters)
        let input = try ContactInput(object, keepBlanks: Self.overwriteWithBlank(object, default: replacing))
        if replacing {
            switch book.replace(input, at: id, by: user.id, at: now) {
            case .created(let contact):
                return single(contact, status: 201, headers: [("Location", "http://\(request.host)/api/contacts/\(contact.id)")])
            case .updated(let contact):
                return single(contact)
            }
        }
        guard let contact = book.merge(input, into: id, at: now) else { throw MauticError.notFound }
        return single(contact)
    }

    private mutating func delete(_ id: Int) throws(MauticError) -> SandboxResponse {
        guard let contact = book[id] else { throw MauticError.notFound }
        let printed = single(contact, id: .some(nil))
        _ = book.delete(id)
        return printed
    }

    private static func batchItems(_ parameters: RequestParameters) throws(MauticError) -> [JSONValue] {
        let items: [JSONValue]
        switch parameters.body {
        case .json(.array(let list)): items = list
        case .json(.object(let object)), .form(let object): items = object.members.map(\.value)
        default: throw MauticError.badRequest("A batch request needs a JSON array of contacts.")
        }
        if items.count > batchLimit { throw MauticError.batchLimit }
        return items
    }

    private struct BatchResult {
        var contacts: [JSONValue] = []
        var statusCodes: [JSONValue] = []
        var errors = JSONObject()

        mutating func fail(_ index: Int, _ error: MauticError) {
            statusCodes.append(.number(JSONNumber(error.code)))
            errors[String(index)] = .object(JSONObject([
                (key: "message", value: .string(error.message)),
                (key: "code", value: .number(JSONNumber(error.code))),
                (key: "type", value: .string("api")),
            ]))
        }

        func response(status: Int, includeStatusCodes: Bool = true) -> SandboxResponse {
            var body = JSONObject([(key: "contacts", value: .array(contacts))])
            if includeStatusCodes { body["statusCodes"] = .array(statusCodes) }
            if errors.count > 0 { body["errors"] = .object(errors) }
            return .json(.object(body), status: status)
        }
    }

    private mutating func batchCreate(_ parameters: RequestParameters) throws(MauticError) -> SandboxResponse {
        var result = BatchResult()
        for (index, item) in try Self.batchItems(parameters).enumerated() {
            do throws(MauticError) {
                guard case .object(let object) = item else { throw MauticError.badRequest("Each contact must be an object.") }
                let input = try ContactInput(object, keepBlanks: Self.overwriteWithBlank(object, default: false))
                switch book.create(input, by: user.id, at: now) {
                case .created(let contact):
                    result.contacts.append(json.contact(contact))
                    result.statusCodes.append(.number(JSONNumber(201)))
                case .updated(let contact):
                    result.contacts.append(json.contact(contact))
                    result.statusCodes.append(.number(JSONNumber(200)))
                }
            } catch {
                result.fail(index, error)
            }
        }
        return result.response(status: 201)
    }

    private mutating func batchEdit(_ parameters: RequestParameters, replacing: Bool) throws(MauticError) -> SandboxResponse {
        var result = BatchResult()
        for (index, item) in try Self.batchItems(parameters).enumerated() {
            do throws(MauticError) {
                guard case .object(let object) = item,
                      let idText = object["id"].flatMap(RequestParameters.scalarText), let id = Int(idText) else {
                    throw MauticError.badRequest("Each contact needs an id.")
                }
                let input = try ContactInput(object, keepBlanks: Self.overwriteWithBlank(object, default: replacing))
                if replacing {
                    switch book.replace(input, at: id, by: user.id, at: now) {
                    case .created(let contact):
                        result.contacts.append(json.contact(contact))
                        result.statusCodes.append(.number(JSONNumber(201)))
                    case .updated(let contact):
                        result.contacts.append(json.contact(contact))
                        result.statusCodes.append(.number(JSONNumber(200)))
                    }
                } else {
                    guard let contact = book.merge(input, into: id, at: now) else { throw MauticError.notFound }
                    result.contacts.append(json.contact(contact))
                    result.statusCodes.append(.number(JSONNumber(200)))
                }
            } catch {
                result.fail(index, error)
            }
        }
        return result.response(status: 200)
    }

    /// Ids from `?ids=1,2`, `ids[]=1&ids[]=2`, or a JSON list body. Contacts are printed before deletion, so ids stay.
    private mutating func batchDelete(_ parameters: RequestParameters) throws(MauticError) -> SandboxResponse {
        var texts: [String] = []
        switch parameters.query["ids"] {
        case .array(let items)?: texts = items.compactMap(RequestParameters.scalarText)
        case .object(let object)?: texts = object.members.compactMap { RequestParameters.scalarText($0.value) }
        case let value?: texts = (RequestParameters.scalarText(value) ?? "").split(separator: ",").map(String.init)
        case nil: texts = try Self.batchItems(parameters).compactMap(RequestParameters.scalarText)
        }
        if texts.count > Self.batchLimit { throw MauticError.batchLimit }
        var result = BatchResult()
        for (index, text) in texts.enumerated() {
            guard let id = Int(text.trimmingCharacters(in: .whitespaces)), let contact = book[id] else {
                result.fail(index, MauticError.notFound)
                continue
            }
            result.contacts.append(json.contact(contact))
            result.statusCodes.append(.number(JSONNumber(200)))
            _ = book.delete(id)
        }
        return result.response(status: 200, includeStatusCodes: false)
    }
}

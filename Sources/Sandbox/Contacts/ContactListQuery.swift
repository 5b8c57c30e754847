import JSON

/// The parameters of `GET /api/contacts`, read and checked before any contact is looked at.
struct ContactListQuery: Sendable {
    var start = 0
    var limit = 30
    var orderBy = try! ContactColumn("id")
    var descending = false
    var search: ContactSearch?
    var clauses: [WhereClause] = []
    var minimal = false

    init(_ query: JSONObject) throws(MauticError) {
        if let text = query["start"].flatMap(RequestParameters.scalarText), !text.isEmpty {
            guard let value = Int(text), value >= 0 else { throw MauticError.badRequest("start must be a non-negative integer.") }
            start = value
        }
        if let text = query["limit"].flatMap(RequestParameters.scalarText), !text.isEmpty {
            guard let value = Int(text), value >= 0 else { throw MauticError.badRequest("limit must be a non-negative integer.") }
            limit = value
        }
        if let text = query["orderBy"].flatMap(RequestParameters.scalarText), !text.isEmpty {
            orderBy = try ContactColumn(text)
        }
        if let text = query["orderByDir"].flatMap(RequestParameters.scalarText) {
            switch text.uppercased() {
            case "", "ASC": descending = false
            case "DESC": descending = true
            default: throw MauticError.badRequest("orderByDir must be ASC or DESC.")
            }
        }
        if let text = query["search"].flatMap(RequestParameters.scalarText), !text.isEmpty {
            search = ContactSearch(text)
        }
        if let value = query["where"] {
            clauses = try WhereClause.clauses(from: value)
        }
        minimal = RequestParameters.isTrue(query["minimal"])
        // `published` (what Mautic reads) and `publishedOnly` (what its docs send) are both accepted;
        // contacts are always published, so neither narrows the list.
    }

    /// The matching contacts in order, and how many matched before paging.
    func run(on contacts: [Contact]) -> (page: [Contact], total: Int) {
        let matching = contacts.filter { contact in
            (search?.matches(contact) ?? true) && clauses.allSatisfy { $0.matches(contact) }
        }
        let sorted = matching.sorted { lhs, rhs in
            let order = ContactColumn.compare(orderBy.value(of: lhs), orderBy.value(of: rhs))
            if order == 0 { return lhs.id < rhs.id }
            return descending ? order > 0 : order < 0
        }
        let page = limit == 0 ? Array(sorted.dropFirst(start)) : Array(sorted.dropFirst(start).prefix(limit))
        return (page, matching.count)
    }
}

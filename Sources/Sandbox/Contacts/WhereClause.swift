import JSON

/// One `where[n]` entry of a list request: `col`, `expr`, `val`, or `andX`/`orX` with nested clauses in `val`.
indirect enum WhereClause: Sendable {
    case compare(ContactColumn, expression: String, values: [String])
    case all([WhereClause])
    case any([WhereClause])

    static let expressions: Set<String> = [
        "eq", "neq", "lt", "lte", "gt", "gte", "like", "notLike", "in", "notIn",
        "between", "notBetween", "isNull", "isNotNull", "isEmpty", "isNotEmpty",
    ]

    static func clauses(from value: JSONValue) throws(MauticError) -> [WhereClause] {
        let entries: [JSONValue]
        switch value {
        case .array(let items): entries = items
        case .object(let object): entries = object.members.map(\.value)
        default: throw MauticError.badRequest("where must be a list of clauses: where[0][col]=…&where[0][expr]=…&where[0][val]=…")
        }
        var result: [WhereClause] = []
        for entry in entries { result.append(try clause(entry)) }
        return result
    }

    static func clause(_ entry: JSONValue) throws(MauticError) -> WhereClause {
        guard case .object(let object) = entry else {
            throw MauticError.badRequest("Each where clause needs col, expr and val.")
        }
        let expression = object["expr"].flatMap(RequestParameters.scalarText) ?? ""
        if expression == "andX" || expression == "orX" {
            let nested = try clauses(from: object["val"] ?? .array([]))
            return expression == "andX" ? .all(nested) : .any(nested)
        }
        guard expressions.contains(expression) else {
            throw MauticError.badRequest("\(expression.isEmpty ? "(missing)" : expression) is not a supported where expression.")
        }
        guard let col = object["col"].flatMap(RequestParameters.scalarText) else {
            throw MauticError.badRequest("A where clause needs a col.")
        }
        let column = try ContactColumn(col)
        var values: [String]
        switch object["val"] {
        case .array(let items)?: values = items.compactMap(RequestParameters.scalarText)
        case .object(let inner)?: values = inner.members.compactMap { RequestParameters.scalarText($0.value) }
        case let value?: values = RequestParameters.scalarText(value).map { [$0] } ?? []
        case nil: values = []
        }
        if ["in", "notIn", "between", "notBetween"].contains(expression), values.count == 1 {
            values = values[0].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        }
        if ["between", "notBetween"].contains(expression), values.count != 2 {
            throw MauticError.badRequest("\(expression) needs two values.")
        }
        return .compare(column, expression: expression, values: values)
    }

    func matches(_ contact: Contact) -> Bool {
        switch self {
        case .all(let clauses): return clauses.allSatisfy { $0.matches(contact) }
        case .any(let clauses): return clauses.contains { $0.matches(contact) }
        case .compare(let column, let expression, let values):
            return Self.evaluate(column.value(of: contact), expression, values)
        }
    }

    /// SQL semantics: a comparison with NULL is never true, except isNull and isEmpty.
    private static func evaluate(_ value: ContactColumn.Value, _ expression: String, _ values: [String]) -> Bool {
        switch expression {
        case "isNull": if case .null = value { return true } else { return false }
        case "isNotNull": if case .null = value { return false } else { return true }
        case "isEmpty": return ContactColumn.text(value).isEmpty
        case "isNotEmpty": return !ContactColumn.text(value).isEmpty
        default: break
        }
        if case .null = value { return false }
        let first = values.first ?? ""
        let order = { (other: String) in ContactColumn.compare(value, .text(other)) }
        switch expression {
        case "eq": return order(first) == 0
        case "neq": return order(first) != 0
        case "lt": return order(first) < 0
        case "lte": return order(first) <= 0
        case "gt": return order(first) > 0
        case "gte": return order(first) >= 0
        case "like": return SQLLikePattern(first).matches(ContactColumn.text(value))
        case "notLike": return !SQLLikePattern(first).matches(ContactColumn.text(value))
        case "in": return values.contains { order($0) == 0 }
        case "notIn": return !values.contains { order($0) == 0 }
        case "between": return order(values[0]) >= 0 && order(values[1]) <= 0
        case "notBetween": return !(order(values[0]) >= 0 && order(values[1]) <= 0)
        default: return false
        }
    }
}

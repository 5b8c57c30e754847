import JSON
import JSONPath

/// JSONPath as Hurl applies it: RFC 9535 evaluation, then a nodelist of one node becomes that
/// value, none becomes no value, several become a list.
enum JSONPathSupport {
    static func evaluate(_ expression: String, in document: JSONValue) throws(EvaluationError) -> RunValue? {
        let query: JSONPathQuery
        do {
            query = try JSONPathQuery(expression)
        } catch {
            throw EvaluationError("invalid JSONPath \(expression): \(error.description)")
        }
        let values = query.values(in: document)
        switch values.count {
        case 0: return nil
        case 1: return RunValue(json: values[0])
        default: return .list(values.map(RunValue.init(json:)))
        }
    }
}

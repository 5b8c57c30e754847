import Crypto
import Hurl
import JSON

/// Evaluates a query against a response; nil when it finds nothing (a missing header, no match).
enum QueryEvaluator {
    static func evaluate(_ query: HurlQuery, in context: QueryContext) throws(EvaluationError) -> RunValue? {
        let variables = context.variables
        switch query {
        case .status:
            return .integer(context.response.status)
        case .version:
            let version = context.response.version
            return .string(version.hasPrefix("HTTP/") ? String(version.dropFirst(5)) : version)
        case .url:
            return .string(context.response.url)
        case .header(let name):
            let values = context.response.headers.values(try expand(name, variables))
            if values.isEmpty { return nil }
            return values.count == 1 ? .string(values[0]) : .list(values.map(RunValue.string))
        case .cookie(let selector):
            return try CookieQuery.evaluate(try expand(selector, variables), response: context.response)
        case .body:
            return .string(try context.bodyText)
        case .jsonpath(let expression):
            return try JSONPathSupport.evaluate(try expand(expression, variables), in: try context.bodyJSON)
        case .regex(let pattern):
            let regex = try RegexSupport.compile(try RegexSupport.pattern(pattern, variables))
            return RegexSupport.firstCapture(regex, in: try context.bodyText).map(RunValue.string)
        case .variable(let name):
            return variables[try expand(name, variables)]
        case .duration:
            let elapsed = context.response.elapsed.components
            return .integer(Int(elapsed.seconds) * 1000 + Int(elapsed.attoseconds / 1_000_000_000_000_000))
        case .bytes:
            return .bytes(context.response.body)
        case .sha256:
            return .bytes(Array(SHA256.hash(data: context.response.body)))
        case .md5:
            return .bytes(Array(Insecure.MD5.hash(data: context.response.body)))
        case .xpath, .ip, .redirects, .certificate:
            throw EvaluationError("the \(query.keyword) query is not supported by apish")
        }
    }

    static func expand(_ template: HurlTemplate, _ variables: VariableStore) throws(EvaluationError) -> String {
        try EvaluationError.wrapping { () throws(RunFailure) in try variables.expand(template) }
    }
}

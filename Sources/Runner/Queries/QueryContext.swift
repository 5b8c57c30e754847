import HTTPExchange
import JSON

/// What queries read: the response of the entry and the variables so far.
public struct QueryContext: Sendable {
    public var response: HTTPResponse
    public var variables: VariableStore

    public init(response: HTTPResponse, variables: VariableStore) {
        self.response = response
        self.variables = variables
    }

    var bodyText: String {
        get throws(EvaluationError) {
            guard let text = String(validating: response.body, as: UTF8.self) else {
                throw EvaluationError("the response body is not valid UTF-8 text")
            }
            return text
        }
    }

    var bodyJSON: JSONValue {
        get throws(EvaluationError) {
            do {
                return try JSONValue.parse(response.body)
            } catch {
                throw EvaluationError("the response body is not valid JSON (\(error.line):\(error.column): \(error.message))")
            }
        }
    }
}

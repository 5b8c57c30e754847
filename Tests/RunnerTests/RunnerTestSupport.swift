import HTTPExchange
import Testing
import Hurl
@testable import Runner

/// Responses and asserts built in memory, for the pure query, filter and predicate tests.
enum RunnerFixtures {
    static func response(status: Int = 200, headers: HTTPHeaders = [:], body: String = "", version: String = "HTTP/1.1",
                         url: String = "http://127.0.0.1/x", elapsed: Duration = .milliseconds(42)) -> HTTPResponse {
        HTTPResponse(version: version, status: status, reason: "", headers: headers, body: Array(body.utf8), url: url, elapsed: elapsed)
    }

    /// Parses one assert line as it would appear under `[Asserts]`.
    static func assert(_ line: String) throws -> HurlAssert {
        let file = try HurlParser.parse("GET http://x\nHTTP *\n[Asserts]\n\(line)\n", fileName: "t.hurl")
        return try #require(file.entries.first?.response?.asserts.first)
    }

    /// Evaluates one assert line against a response, as the runner does.
    static func check(_ line: String, _ response: HTTPResponse, variables: VariableStore = VariableStore()) throws -> (passed: Bool, actual: RunValue?, error: EvaluationError?) {
        let parsed = try assert(line)
        var actual: RunValue?
        do throws(EvaluationError) {
            let raw = try QueryEvaluator.evaluate(parsed.query, in: QueryContext(response: response, variables: variables))
            actual = try FilterDispatch.apply(parsed.filters, to: raw, variables: variables)
            let expected = try parsed.predicate.value.map { value throws(EvaluationError) in
                try ExpectedValue.resolve(value, variables: variables, directory: nil)
            }
            return (try PredicateDispatch.evaluate(parsed.predicate, actual: actual, expected: expected).passed, actual, nil)
        } catch {
            return (false, actual, error)
        }
    }
}

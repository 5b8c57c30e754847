import HTTPExchange
import Hurl

/// Captures and asserts evaluated against one response: what the runner does for each entry, and what
/// the shell's `set` and `expect` do against the last response.
public enum ResponseChecks {
    /// The captured value; an error when the query finds nothing or a filter fails.
    public static func capture(
        _ capture: HurlCapture, response: HTTPResponse, variables: VariableStore
    ) throws(EvaluationError) -> RunValue {
        let raw = try QueryEvaluator.evaluate(capture.query, in: QueryContext(response: response, variables: variables))
        guard let value = try FilterDispatch.apply(capture.filters, to: raw, variables: variables) else {
            throw EvaluationError("the query found no value")
        }
        return value
    }

    /// The assert's outcome with its expression, expected and actual values, secrets masked where placed.
    /// - Parameter directory: where `file,…;` values are read from.
    public static func check(
        _ assert: HurlAssert, response: HTTPResponse, variables: VariableStore, directory: String?, redactor: Redactor
    ) -> AssertResult {
        check(assert, response: response, variables: variables, directory: directory, redactor: redactor, describingPasses: true)!
    }

    /// As above; with `describingPasses` false, nil for an assert that holds, whose texts are then never
    /// built (a run that shows only failures).
    public static func check(
        _ assert: HurlAssert, response: HTTPResponse, variables: VariableStore, directory: String?, redactor: Redactor,
        describingPasses: Bool
    ) -> AssertResult? {
        var actual: RunValue?
        do throws(EvaluationError) {
            let raw = try QueryEvaluator.evaluate(assert.query, in: QueryContext(response: response, variables: variables))
            actual = try FilterDispatch.apply(assert.filters, to: raw, variables: variables)
            let expected: RunValue? = try assert.predicate.value.map { value throws(EvaluationError) in
                try ExpectedValue.resolve(value, variables: variables, directory: directory)
            }
            let outcome = try PredicateDispatch.evaluate(assert.predicate, actual: actual, expected: expected)
            if outcome.passed && !describingPasses { return nil }
            return AssertResult(line: assert.line, expression: HurlWriter.text(of: assert), expected: redactor.expectation(outcome.expected, value: expected),
                                actual: redactor.display(actual), passed: outcome.passed)
        } catch {
            return AssertResult(line: assert.line, expression: HurlWriter.text(of: assert), expected: "", actual: redactor.display(actual),
                                passed: false, error: redactor.fields(error.message))
        }
    }
}

import Hurl
import JSON

/// Hurl asserts as Postman test script lines, in the forms ``PostmanScriptConverter`` reads back.
enum PostmanScriptWriter {
    /// - Returns: the script lines and the asserts that have no Postman form.
    static func script(for asserts: [HurlAssert]) -> (lines: [String], unexported: [HurlAssert]) {
        var lines: [String] = []
        var unexported: [HurlAssert] = []
        for assert in asserts {
            guard let statement = statement(for: assert) else {
                unexported.append(assert)
                continue
            }
            let title = JSONValue.quoted(HurlWriter.text(of: assert))
            lines.append("pm.test(\(title), function () {")
            lines.append("    \(statement);")
            lines.append("});")
        }
        return (lines, unexported)
    }

    /// A capture as the line that sets a collection variable, in the form the converter reads back; nil
    /// for captures other than a plain JSON path.
    static func line(for capture: HurlCapture) -> String? {
        guard capture.filters.isEmpty, let name = capture.name.literalText, case .jsonpath(let path) = capture.query,
            let path = path.literalText, let accessor = accessor(path)
        else { return nil }
        return "pm.collectionVariables.set(\(JSONValue.quoted(name)), pm.response.json()\(accessor));"
    }

    private static func statement(for assert: HurlAssert) -> String? {
        guard assert.filters.isEmpty, !assert.predicate.negated else { return nil }
        let function = assert.predicate.function
        let value = assert.predicate.value
        switch assert.query {
        case .status:
            if function == .equal, case .number(let code)? = value { return "pm.response.to.have.status(\(code))" }
            return comparison("pm.response.code", function, value)
        case .duration:
            return comparison("pm.response.responseTime", function, value)
        case .header(let name):
            guard let name = name.literalText else { return nil }
            if function == .exists { return "pm.response.to.have.header(\(JSONValue.quoted(name)))" }
            if function == .equal, case .string(let text)? = value, let text = text.literalText {
                return "pm.response.to.have.header(\(JSONValue.quoted(name)), \(JSONValue.quoted(text)))"
            }
            return nil
        case .body:
            guard case .string(let text)? = value, let text = text.literalText else { return nil }
            if function == .contains { return "pm.expect(pm.response.text()).to.include(\(JSONValue.quoted(text)))" }
            if function == .equal { return "pm.response.to.have.body(\(JSONValue.quoted(text)))" }
            return nil
        case .jsonpath(let path):
            guard let path = path.literalText, let accessor = accessor(path) else { return nil }
            let subject = "pm.response.json()" + accessor
            if function == .equal, let value, let literal = literal(value) { return "pm.expect(\(subject)).to.eql(\(literal))" }
            return comparison(subject, function, value)
        default:
            return nil
        }
    }

    private static func comparison(_ subject: String, _ function: HurlPredicateFunction, _ value: HurlValue?) -> String? {
        let words: [HurlPredicateFunction: String] = [.less: "below", .greater: "above", .greaterOrEqual: "at.least", .lessOrEqual: "at.most"]
        guard let word = words[function], case .number(let bound)? = value else { return nil }
        return "pm.expect(\(subject)).to.be.\(word)(\(bound))"
    }

    private static func literal(_ value: HurlValue) -> String? {
        switch value {
        case .number(let literal): literal
        case .bool(let bool): bool ? "true" : "false"
        case .null: "null"
        case .string(let text): text.literalText.map { JSONValue.quoted($0) }
        default: nil
        }
    }

    /// `$.a.b[0]['c']` → `.a.b[0]["c"]`; nil for anything but plain names and indexes.
    static func accessor(_ path: String) -> String? {
        guard path.hasPrefix("$") else { return nil }
        var rest = Substring(path.dropFirst())
        var output = ""
        while !rest.isEmpty {
            if let match = rest.prefixMatch(of: #/\.([A-Za-z_$][\w$]*)/#) {
                output += "." + match.1
                rest = rest[match.range.upperBound...]
            } else if let match = rest.prefixMatch(of: #/\[(\d+)\]/#) {
                output += "[\(match.1)]"
                rest = rest[match.range.upperBound...]
            } else if let match = rest.prefixMatch(of: #/\['([^'\\"]*)'\]/#) {
                output += "[\"\(match.1)\"]"
                rest = rest[match.range.upperBound...]
            } else {
                return nil
            }
        }
        return output.isEmpty ? nil : output
    }
}

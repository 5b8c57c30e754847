import HTTPExchange
import Hurl
import JSON

/// The checks a response spec makes without `[Asserts]`: its version, its status, each header
/// line, and its body.
struct ImplicitAsserts {
    let variables: VariableStore
    let redactor: Redactor

    func check(_ spec: HurlResponse, response: HTTPResponse) -> [AssertResult] {
        var results: [AssertResult] = []
        if spec.version != "HTTP", spec.version != "HTTP/*" {
            let expected = Self.normalizedVersion(spec.version)
            let actual = Self.normalizedVersion(response.version)
            results.append(AssertResult(line: spec.line, expression: "version == \"\(expected.dropFirst(5))\"", expected: expected,
                                        actual: actual, passed: expected == actual, isImplicit: true))
        }
        if case .code(let code) = spec.status {
            results.append(AssertResult(line: spec.line, expression: "status == \(code)", expected: String(code),
                                        actual: String(response.status), passed: code == response.status, isImplicit: true))
        }
        for header in spec.headers {
            results.append(checkHeader(header, response: response))
        }
        if let body = spec.body {
            results.append(checkBody(body, response: response))
        }
        return results
    }

    private func checkHeader(_ header: HurlKeyValue, response: HTTPResponse) -> AssertResult {
        do throws(RunFailure) {
            let name = try variables.expand(header.key)
            let value = try variables.expand(header.value)
            let values = response.headers.values(name)
            let expected = redactor.display(.string(value))
            return AssertResult(line: header.line, expression: "header \"\(name)\" == \(expected)", expected: expected,
                                actual: values.isEmpty ? "none" : values.map { redactor.display(.string($0)) }.joined(separator: ", "),
                                passed: values.contains(value), isImplicit: true)
        } catch {
            return AssertResult(line: header.line, expression: "header \(header.key)", expected: "", actual: "",
                                passed: false, error: redactor.fields(error.message), isImplicit: true)
        }
    }

    private func checkBody(_ body: HurlBody, response: HTTPResponse) -> AssertResult {
        let shownBody = redactor.body(response.body, contentType: response.contentType)
        let actualText = String(validating: shownBody, as: UTF8.self).map { RunValue.string($0).display }
            ?? RunValue.bytes(response.body).display
        do throws(RunFailure) {
            let passed: Bool
            let expected: String
            switch body.content {
            case .json(let raw):
                let text = try variables.expandJSON(raw)
                guard let expectedJSON = try? JSONValue.parse(text) else {
                    throw RunFailure("the expected JSON body is not valid JSON")
                }
                expected = expectedJSON.serialized()
                passed = (try? JSONValue.parse(response.body)).map { $0.semanticallyEquals(expectedJSON) } ?? false
            case .xml(let raw):
                let text = try variables.expand(HurlTemplate.parse(raw: raw))
                expected = RunValue.string(text).display
                passed = Array(text.utf8) == response.body
            case .oneline(let template):
                let text = try variables.expand(template)
                expected = RunValue.string(text).display
                passed = Array(text.utf8) == response.body
            case .multiline(let multiline):
                let text = multiline.attributes.contains("novariable")
                    ? multiline.text : try variables.expand(HurlTemplate.parse(raw: multiline.text))
                expected = RunValue.string(text).display
                passed = Array(text.utf8) == response.body
            case .base64, .hex, .file:
                let value = try EvaluationError.wrappingRun { () throws(EvaluationError) in
                    try ExpectedValue.resolve(Self.value(of: body.content), variables: variables, directory: nil)
                }
                expected = value.display
                passed = value.isEqual(to: RunValue.bytes(response.body))
            }
            return AssertResult(line: body.line, expression: "body == \(Self.kind(of: body.content))", expected: String(decoding: redactor.body(Array(expected.utf8), contentType: response.contentType), as: UTF8.self),
                                actual: actualText, passed: passed, isImplicit: true)
        } catch {
            return AssertResult(line: body.line, expression: "body == \(Self.kind(of: body.content))", expected: "",
                                actual: actualText, passed: false, error: redactor.fields(error.message), isImplicit: true)
        }
    }

    private static func value(of content: HurlBody.Content) -> HurlValue {
        switch content {
        case .base64(let text): .base64(text)
        case .hex(let text): .hex(text)
        case .file(let path): .file(path)
        default: .null
        }
    }

    private static func kind(of content: HurlBody.Content) -> String {
        switch content {
        case .json: "json"
        case .xml: "xml"
        case .oneline: "`…`"
        case .multiline: "```…```"
        case .base64: "base64,…;"
        case .hex: "hex,…;"
        case .file(let path): "file,\(path);"
        }
    }

    /// `HTTP/2.0` and `HTTP/2` name the same version.
    static func normalizedVersion(_ version: String) -> String {
        version.hasSuffix(".0") && !version.hasSuffix("1.0") ? String(version.dropLast(2)) : version
    }
}

extension EvaluationError {
    static func wrappingRun<T>(_ body: () throws(EvaluationError) -> T) throws(RunFailure) -> T {
        do {
            return try body()
        } catch {
            throw RunFailure(error.message)
        }
    }
}

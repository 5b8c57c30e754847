import JSON
import JSONSchema
import Synchronization

/// Whether a response is what the description says the matched operation answers: a documented
/// status, a documented content type, and a body its schema accepts.
public enum ResponseConformance: Sendable, Equatable {
    /// It conforms; `checked` says what was compared (`GET /pets 200 application/json`).
    case conforms(checked: String)
    /// It does not; each problem as `/json/pointer: keyword: message`, or a sentence for status and type.
    case violates(checked: String, problems: [String])
    /// The description has nothing to compare it with (no operation matches the request).
    case undescribed(String)
}

extension OpenAPIDescription {
    /// Checks a response to `method url` against the operation the description has for it.
    public func conformance(method: String, url: String, status: Int, contentType: String?, body: [UInt8]) -> ResponseConformance {
        guard let operation = operation(method: method, url: url) else {
            return .undescribed("no operation in the description matches \(method.uppercased()) \(Self.path(of: url))")
        }
        guard let response = operation.response(for: status) else {
            let documented = operation.responses.map(\.status).joined(separator: ", ")
            return .violates(checked: operation.title, problems: ["status \(status) is not documented (\(documented))"])
        }
        let checked = "\(operation.title) \(response.status)"
        if response.contents.isEmpty {
            return body.isEmpty ? .conforms(checked: checked) : .conforms(checked: checked + " (no content described)")
        }
        guard let media = response.content(for: contentType) else {
            let documented = response.contents.map(\.contentType).joined(separator: ", ")
            return .violates(checked: checked, problems: ["content type \(contentType ?? "(none)") is not documented (\(documented))"])
        }
        let described = "\(checked) \(media.contentType)"
        guard let schema = media.schema, OpenAPIMediaType.isJSON(media.contentType) else { return .conforms(checked: described) }
        let document: JSONValue
        do {
            document = try JSONValue.parse(body)
        } catch {
            return .violates(checked: described, problems: ["the body is not JSON: \(error)"])
        }
        let validator: SchemaValidator
        do {
            validator = try validators.validator(for: schema.pointer) {
                try SchemaValidator(document: self.document, pointer: schema.pointer, dialect: usesOpenAPI30Schemas ? .openAPI30 : .draft2020_12)
            }
        } catch {
            return .undescribed("the schema at \(schema.pointer) cannot be used: \(error)")
        }
        let violations = validator.validate(document)
        return violations.isEmpty ? .conforms(checked: described) : .violates(checked: described, problems: violations.map(\.description))
    }
}

/// Compiled validators by schema pointer, shared by every copy of a description: a run checks
/// thousands of responses against a handful of schemas.
final class SchemaValidatorCache: Sendable {
    private let compiled = Mutex<[String: SchemaValidator]>([:])

    func validator(for pointer: String, make: () throws -> SchemaValidator) throws -> SchemaValidator {
        if let known = compiled.withLock({ $0[pointer] }) { return known }
        let made = try make()
        compiled.withLock { $0[pointer] = made }
        return made
    }
}

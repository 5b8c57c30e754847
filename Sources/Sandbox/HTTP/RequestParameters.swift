import JSON

/// Query and body of a request, decoded once: bracketed names nested, JSON or form bodies alike.
struct RequestParameters: Sendable {
    enum Body: Sendable {
        case none
        case json(JSONValue)
        case form(JSONObject)
    }

    let queryPairs: [(String, String)]
    let query: JSONObject
    let formPairs: [(String, String)]
    let body: Body

    /// Throws a 400 envelope when a JSON body does not parse.
    init(_ request: SandboxRequest) throws(MauticError) {
        queryPairs = FormEncoding.pairs(request.query)
        query = BracketParameters.object(from: queryPairs)
        let text = String(decoding: request.body, as: UTF8.self)
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if request.isFormEncoded {
            formPairs = FormEncoding.pairs(trimmed)
            body = .form(BracketParameters.object(from: formPairs))
        } else if trimmed.isEmpty {
            formPairs = []
            body = .none
        } else if request.mediaType.isEmpty || request.mediaType.contains("json") || trimmed.first == "{" || trimmed.first == "[" {
            formPairs = []
            do {
                body = .json(try JSONValue.parse(Array(request.body)))
            } catch {
                throw MauticError.badRequest("Request body contains invalid JSON: \(error)")
            }
        } else {
            throw MauticError.badRequest("Unsupported request body type \(request.mediaType); send JSON or a form.")
        }
    }

    /// The body as an object of fields, as a form or a JSON object; empty when there is none.
    var bodyObject: JSONObject? {
        switch body {
        case .none: return JSONObject()
        case .form(let object): return object
        case .json(.object(let object)): return object
        case .json: return nil
        }
    }

    func queryString(_ name: String) -> String? {
        query[name].flatMap(Self.scalarText)
    }

    /// A value as PHP would see it in a string context: numbers and booleans as text, nil for arrays, objects and null.
    static func scalarText(_ value: JSONValue) -> String? {
        switch value {
        case .string(let text): return text
        case .number(let number): return number.literal
        case .bool(let flag): return flag ? "1" : ""
        case .null, .array, .object: return nil
        }
    }

    /// PHP's notion of a true flag: anything but "", "0", "false", "no", "off".
    static func isTrue(_ value: JSONValue?) -> Bool {
        guard let value else { return false }
        if case .bool(let flag) = value { return flag }
        guard let text = scalarText(value)?.lowercased() else { return false }
        return !["", "0", "false", "no", "off"].contains(text)
    }
}

import HTTPExchange
import JSON

/// The stable JSON form of an exchange (`--json`, `show N --json`), documented in the README:
///
/// ```
/// {"request":  {"method","url","headers":[[name,value]…],"body":…},
///  "response": {"version","status","reason","headers":[[name,value]…],"timeMs","size",
///               "bodyType":"json"|"text"|"base64","body":…}}
/// ```
/// Credentials and secrets are masked where they were placed.
enum ExchangeDocument {
    static func make(_ record: ExchangeRecord, redactor: Redactor) -> JSONValue {
        let view = ExchangeView(style: .plain, redactor: redactor)
        let request = redactor.request(record.request)
        let response = record.response
        let requestBody = view.requestBodyText(request.body)
        let (seconds, attoseconds) = response.elapsed.components
        let milliseconds = Double(seconds) * 1000 + Double(attoseconds) / 1e15
        return .object(JSONObject([
            ("number", .number(JSONNumber(record.number))),
            ("request", .object(JSONObject([
                ("method", .string(request.method)),
                ("url", .string(request.url)),
                ("headers", headers(request.headers)),
                ("body", requestBody.isEmpty ? .null : .string(requestBody)),
            ]))),
            ("response", .object(JSONObject([
                ("version", .string(response.version)),
                ("status", .number(JSONNumber(response.status))),
                ("reason", .string(response.reason)),
                ("headers", headers(redactor.headers(response.headers))),
                ("timeMs", .number(JSONNumber((milliseconds * 10).rounded() / 10))),
                ("size", .number(JSONNumber(response.body.count))),
            ] + body(response, redactor: redactor)))),
        ]))
    }

    private static func headers(_ headers: HTTPHeaders) -> JSONValue {
        .array(headers.map { .array([.string($0.name), .string($0.value)]) })
    }

    private static func body(_ response: HTTPResponse, redactor: Redactor) -> [(String, JSONValue)] {
        if response.body.isEmpty { return [("bodyType", .string("text")), ("body", .string(""))] }
        if let json = try? response.json() { return [("bodyType", .string("json")), ("body", redactor.json(json) ?? json)] }
        if let text = response.text { return [("bodyType", .string("text")), ("body", .string(text))] }
        return [("bodyType", .string("base64")), ("body", .string(Base64.encode(response.body)))]
    }
}

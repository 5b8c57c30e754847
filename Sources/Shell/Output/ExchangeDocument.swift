import Foundation
import HTTPExchange
import JSON

/// The stable JSON form of an exchange (`--json`, `show N --json`), documented in the README:
///
/// ```
/// {"request":  {"method","url","headers":[[name,value]…],"body":…},
///  "response": {"version","status","reason","headers":[[name,value]…],"timeMs","size",
///               "bodyType":"json"|"text"|"base64","body":…}}
/// ```
/// Credentials in request headers and known secret values are masked.
enum ExchangeDocument {
    static func make(_ record: ExchangeRecord, masker: SecretMasker) -> JSONValue {
        let view = ExchangeView(style: .plain, masker: masker)
        let request = record.request
        let response = record.response
        let requestBody = view.requestBodyText(request.body)
        let (seconds, attoseconds) = response.elapsed.components
        let milliseconds = Double(seconds) * 1000 + Double(attoseconds) / 1e15
        return .object(JSONObject([
            ("number", .number(JSONNumber(record.number))),
            ("request", .object(JSONObject([
                ("method", .string(request.method)),
                ("url", .string(masker.mask(request.url))),
                ("headers", headers(request.headers, masked: true, masker: masker)),
                ("body", requestBody.isEmpty ? .null : .string(masker.mask(requestBody))),
            ]))),
            ("response", .object(JSONObject([
                ("version", .string(response.version)),
                ("status", .number(JSONNumber(response.status))),
                ("reason", .string(response.reason)),
                ("headers", headers(response.headers, masked: false, masker: masker)),
                ("timeMs", .number(JSONNumber((milliseconds * 10).rounded() / 10))),
                ("size", .number(JSONNumber(response.body.count))),
            ] + body(response)))),
        ]))
    }

    private static func headers(_ headers: HTTPHeaders, masked: Bool, masker: SecretMasker) -> JSONValue {
        .array(headers.map { field in
            let sensitive = masked && ["authorization", "proxy-authorization", "cookie"].contains(field.name.lowercased())
            return .array([.string(field.name), .string(sensitive ? SecretMasker.mask : masker.mask(field.value))])
        })
    }

    private static func body(_ response: HTTPResponse) -> [(String, JSONValue)] {
        if response.body.isEmpty { return [("bodyType", .string("text")), ("body", .string(""))] }
        if let json = try? response.json() { return [("bodyType", .string("json")), ("body", json)] }
        if let text = response.text { return [("bodyType", .string("text")), ("body", .string(text))] }
        return [("bodyType", .string("base64")), ("body", .string(Data(response.body).base64EncodedString()))]
    }
}

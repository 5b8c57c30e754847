import HTTPExchange
import JSON

/// A complete response, built by the pure handlers and written out by the server adapter.
struct SandboxResponse: Sendable {
    var status: Int
    var headers: [(name: String, value: String)]
    var body: [UInt8]

    init(status: Int, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    static func json(_ value: JSONValue, status: Int = 200, headers: [(name: String, value: String)] = []) -> SandboxResponse {
        SandboxResponse(
            status: status,
            headers: [("Content-Type", "application/json")] + headers,
            body: value.serializedBytes()
        )
    }

    static func html(_ text: String, status: Int = 200) -> SandboxResponse {
        SandboxResponse(status: status, headers: [("Content-Type", "text/html; charset=UTF-8")], body: Array(text.utf8))
    }

    static func text(_ text: String, status: Int = 200) -> SandboxResponse {
        SandboxResponse(status: status, headers: [("Content-Type", "text/plain; charset=UTF-8")], body: Array(text.utf8))
    }

    static func formEncoded(_ pairs: [(String, String)]) -> SandboxResponse {
        let text = pairs.map { "\(FormEncoding.encode($0.0))=\(FormEncoding.encode($0.1))" }.joined(separator: "&")
        return SandboxResponse(status: 200, headers: [("Content-Type", "application/x-www-form-urlencoded")], body: Array(text.utf8))
    }

    static func redirect(to location: String) -> SandboxResponse {
        SandboxResponse(status: 302, headers: [("Location", location), ("Content-Type", "text/html; charset=UTF-8")],
                        body: Array("Redirecting to \(MarkupEscaping.escape(location))".utf8))
    }

    static func error(_ error: MauticError) -> SandboxResponse {
        .json(error.envelope, status: error.code, headers: error.extraHeaders)
    }

    var bodyText: String { String(decoding: body, as: UTF8.self) }

    func header(_ name: String) -> String? {
        let wanted = name.lowercased()
        return headers.first { $0.name.lowercased() == wanted }?.value
    }
}

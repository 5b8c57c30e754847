/// A request as the sandbox sees it: already read in full, independent of the HTTP server library.
struct SandboxRequest: Sendable {
    var method: String
    var path: String
    var query: String
    var headers: [(name: String, value: String)]
    var body: [UInt8]

    init(method: String, path: String, query: String = "", headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.method = method.uppercased()
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
    }

    func header(_ name: String) -> String? {
        let wanted = name.lowercased()
        return headers.first { $0.name.lowercased() == wanted }?.value
    }

    var host: String { header("host") ?? "127.0.0.1" }

    /// The URL this request was sent to, without its query, as a client would have signed it.
    var baseURL: String { "http://\(host)\(path)" }

    var mediaType: String {
        let contentType = header("content-type") ?? ""
        return contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
    }

    var isFormEncoded: Bool { mediaType == "application/x-www-form-urlencoded" }
}

import HTTPExchange

extension OpenAPIDescription {
    /// The operation a request is for: the method's operations whose template matches the URL's path,
    /// with or without the server's base path, the most literal match first (`/pets/mine` before
    /// `/pets/{id}`). The URL may be absolute or a path; its query and fragment are ignored.
    public func operation(method: String, url: String) -> OpenAPIOperation? {
        let path = Self.path(of: url)
        let method = method.uppercased()
        var best: (operation: OpenAPIOperation, score: Int)? = nil
        for operation in operations where operation.method == method {
            for candidate in Self.candidates(path, basePath: operation.basePath) {
                if let score = operation.pathTemplate.score(candidate), score > best?.score ?? -1 {
                    best = (operation, score)
                }
            }
        }
        return best?.operation
    }

    /// The operations on a path template, or on whatever template matches a concrete path.
    public func operations(onPath path: String) -> [OpenAPIOperation] {
        let exact = operations.filter { $0.path == path }
        if !exact.isEmpty { return exact }
        let concrete = Self.path(of: path)
        return operations.filter { operation in
            Self.candidates(concrete, basePath: operation.basePath).contains { operation.pathTemplate.score($0) != nil }
        }
    }

    /// The path of an absolute URL or of a path with a query: `http://h/v1/pets?x=1` → `/v1/pets`.
    static func path(of url: String) -> String {
        var rest = Substring(url)
        if let end = rest.utf8.firstIndex(where: { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }) { rest = rest[..<end] }
        if let parts = URLText(rest) { rest = parts.rest.isEmpty ? "/" : parts.rest }
        return String(rest)
    }

    /// The path as the template would see it: with the server's base path removed when it is there.
    static func candidates(_ path: String, basePath: String) -> [Substring] {
        guard !basePath.isEmpty, path.hasPrefix(basePath) else { return [Substring(path)] }
        let rest = path.dropFirst(basePath.count)
        return rest.isEmpty || rest.hasPrefix("/") ? [rest, Substring(path)] : [Substring(path)]
    }
}

import HTTPExchange

/// `cookie "name"` or `cookie "name[Attribute]"` over the response's Set-Cookie fields.
enum CookieQuery {
    static let attributes = ["Value", "Expires", "Max-Age", "Domain", "Path", "Secure", "HttpOnly", "SameSite"]

    static func evaluate(_ selector: String, response: HTTPResponse) throws(EvaluationError) -> RunValue? {
        var name = Substring(selector)
        var attribute = "Value"
        if selector.hasSuffix("]"), let open = selector.firstIndex(of: "[") {
            name = selector[..<open]
            attribute = String(selector[selector.index(after: open)..<selector.index(before: selector.endIndex)])
            guard attributes.contains(where: { $0.lowercased() == attribute.lowercased() }) else {
                throw EvaluationError("unknown cookie attribute '\(attribute)' (use one of \(attributes.joined(separator: ", ")))")
            }
        }
        for header in response.headers.values("Set-Cookie") {
            let fields = header.split(separator: ";").map { $0.trimmingCharacters(in: " \t") }
            guard let pair = fields.first, let equals = pair.firstIndex(of: "="),
                  pair[..<equals].trimmingCharacters(in: " \t") == name else { continue }
            if attribute.lowercased() == "value" {
                return .string(pair[pair.index(after: equals)...].trimmingCharacters(in: " \t"))
            }
            for field in fields.dropFirst() {
                let parts = field.split(separator: "=", maxSplits: 1)
                guard parts[0].trimmingCharacters(in: " \t").lowercased() == attribute.lowercased() else { continue }
                if parts.count == 1 { return .bool(true) }
                let value = parts[1].trimmingCharacters(in: " \t")
                if attribute.lowercased() == "max-age", let number = Int(value) { return .integer(number) }
                return .string(value)
            }
            return nil
        }
        return nil
    }
}

extension StringProtocol {
    func trimmingCharacters(in set: String) -> String {
        var scalars = Substring(self).unicodeScalars[...]
        while let first = scalars.first, set.unicodeScalars.contains(first) { scalars.removeFirst() }
        while let last = scalars.last, set.unicodeScalars.contains(last) { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}

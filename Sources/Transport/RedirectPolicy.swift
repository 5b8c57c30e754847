import HTTPExchange

/// What browsers, curl -L and HTTPie agree on for following a redirect.
enum RedirectPolicy {
    /// The statuses that send a request elsewhere.
    static let statuses: Set<Int> = [301, 302, 303, 307, 308]

    /// The request to send next, or nil when the response is not a redirect to follow.
    /// - Throws: ``TransportError/Cause/unfollowedRedirect(location:)`` for a scheme other than http and https
    ///   (`file:`, `ftp:`…): a person should see where the server wanted to send them.
    static func next(after request: HTTPRequest, response: HTTPResponse) throws(TransportError.Cause) -> HTTPRequest? {
        guard statuses.contains(response.status), let location = response.headers["Location"],
            let from = RequestURL(request.url)
        else { return nil }
        if let scheme = scheme(of: location), scheme != "http", scheme != "https" {
            throw .unfollowedRedirect(location: location)
        }
        let target = resolve(location, against: from)
        guard let to = RequestURL(target) else { return nil }
        var next = request
        next.url = target
        // 303 always, and 301/302 after a POST, become a GET without a body, as browsers do.
        if response.status == 303 || ((response.status == 301 || response.status == 302) && request.method == "POST") {
            if request.method != "HEAD" { next.method = "GET" }
            next.body = .empty
            next.headers.remove("Content-Type")
            next.headers.remove("Content-Length")
        }
        // Credentials stay with the host they were meant for.
        if to.origin != from.origin {
            next.headers.remove("Authorization")
            next.headers.remove("Cookie")
        }
        return next
    }

    /// The scheme of an absolute reference, lower-cased (RFC 3986 §3.1); nil for a relative one.
    static func scheme(of reference: String) -> String? {
        guard let colon = reference.firstIndex(of: ":") else { return nil }
        let candidate = reference[..<colon]
        guard let first = candidate.first, first.isASCII, first.isLetter,
            candidate.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) })
        else { return nil }
        return candidate.lowercased()
    }

    static func resolve(_ location: String, against base: RequestURL) -> String {
        if RequestURL.hasHTTPScheme(location) { return location }
        if location.hasPrefix("//") { return base.scheme + ":" + location }
        if location.hasPrefix("/") { return base.origin + location }
        if location.hasPrefix("?") { return base.withoutQuery + location }
        let directory = base.path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        return base.origin + directory + "/" + location
    }
}

import Synchronization

/// Cookies the server set, sent back on later requests to the same site, as a browser would.
/// One jar belongs to one environment, so `prod` and `sandbox` sessions never mix.
public final class CookieJar: Sendable {
    public struct Cookie: Sendable, Equatable, Codable {
        public var name: String
        public var value: String
        public var domain: String
        /// True when the server gave no Domain attribute: only that exact host gets it back.
        public var hostOnly: Bool
        public var path: String
        public var secure: Bool
        /// Seconds since 1970; nil for a session cookie.
        public var expires: Double?
    }

    private let cookies: Mutex<[Cookie]>

    public init(_ cookies: [Cookie] = []) {
        self.cookies = Mutex(cookies)
    }

    public var all: [Cookie] { cookies.withLock { $0 } }

    /// The `Cookie` header value for `url`, or nil when no cookie applies.
    public func header(for url: RequestURL, now: Double) -> String? {
        let matching = cookies.withLock { jar in
            jar.filter { cookie in
                (cookie.expires.map { $0 > now } ?? true)
                    && (!cookie.secure || url.scheme == "https")
                    && Self.domainMatches(cookie, host: url.host)
                    && Self.pathMatches(cookie.path, url.path)
            }
        }
        guard !matching.isEmpty else { return nil }
        return matching.map { "\($0.name)=\($0.value)" }.joined(separator: "; ")
    }

    /// Takes the `Set-Cookie` fields of a response from `url`.
    public func store(setCookieHeaders: [String], from url: RequestURL, now: Double) {
        let parsed = setCookieHeaders.compactMap { Self.parse($0, from: url, now: now) }
        guard !parsed.isEmpty else { return }
        cookies.withLock { jar in
            for cookie in parsed {
                jar.removeAll { $0.name == cookie.name && $0.domain == cookie.domain && $0.path == cookie.path }
                if cookie.expires.map({ $0 > now }) ?? true { jar.append(cookie) }
            }
        }
    }

    public func removeAll() {
        cookies.withLock { $0.removeAll() }
    }

    static func parse(_ header: String, from url: RequestURL, now: Double) -> Cookie? {
        let attributes = header.split(separator: ";").map { $0.trimmingWhitespace() }
        guard let pair = attributes.first, let equals = pair.firstIndex(of: "=") else { return nil }
        let name = String(pair[..<equals].trimmingWhitespace())
        guard !name.isEmpty else { return nil }
        var cookie = Cookie(
            name: name, value: String(pair[pair.index(after: equals)...].trimmingWhitespace()), domain: url.host,
            hostOnly: true, path: defaultPath(url.path), secure: false, expires: nil)
        var maxAgeSeen = false
        for attribute in attributes.dropFirst() {
            let parts = attribute.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = parts[0].trimmingWhitespace().lowercased()
            let value = parts.count > 1 ? String(parts[1].trimmingWhitespace()) : ""
            switch key {
            case "domain":
                var domain = value.lowercased()
                if domain.hasPrefix(".") { domain.removeFirst() }
                // A server may only widen a cookie to a domain it belongs to.
                guard !domain.isEmpty, url.host == domain || url.host.hasSuffix("." + domain) else { return nil }
                cookie.domain = domain
                cookie.hostOnly = false
            case "path" where value.hasPrefix("/"): cookie.path = value
            case "secure": cookie.secure = true
            case "max-age":
                if let seconds = Double(value) {
                    cookie.expires = now + seconds
                    maxAgeSeen = true
                }
            case "expires" where !maxAgeSeen:
                if let date = HTTPDate.parse(value) { cookie.expires = date }
            default: break
            }
        }
        return cookie
    }

    private static func defaultPath(_ path: String) -> String {
        guard path.hasPrefix("/"), let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return "/" }
        return String(path[..<slash])
    }

    private static func domainMatches(_ cookie: Cookie, host: String) -> Bool {
        cookie.hostOnly ? host == cookie.domain : host == cookie.domain || host.hasSuffix("." + cookie.domain)
    }

    private static func pathMatches(_ cookiePath: String, _ requestPath: String) -> Bool {
        let path = requestPath.split(separator: "?", maxSplits: 1).first.map(String.init) ?? "/"
        if path == cookiePath { return true }
        guard path.hasPrefix(cookiePath) else { return false }
        return cookiePath.hasSuffix("/") || path.dropFirst(cookiePath.count).hasPrefix("/")
    }
}

/// RFC 7231 IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`) and its common `-` variant.
enum HTTPDate {
    static func parse(_ text: String) -> Double? {
        let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        let tokens = text.split { $0 == " " || $0 == "-" || $0 == "," }.map(String.init)
        guard tokens.count >= 5 else { return nil }
        let rest = tokens.dropFirst()
        let items = Array(rest)
        guard let day = Int(items[0]), let month = months.firstIndex(of: items[1].lowercased()),
            var year = Int(items[2])
        else { return nil }
        if year < 100 { year += year < 70 ? 2000 : 1900 }
        let time = items[3].split(separator: ":").compactMap { Int($0) }
        guard time.count == 3 else { return nil }
        return Double(daysFromCivil(year: year, month: month + 1, day: day)) * 86400
            + Double(time[0] * 3600 + time[1] * 60 + time[2])
    }

    /// Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146097 + dayOfEra - 719468
    }
}

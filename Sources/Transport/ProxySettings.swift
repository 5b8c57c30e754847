import HTTPExchange

/// `HTTP_PROXY`, `HTTPS_PROXY` and `NO_PROXY` (either case), as curl reads them.
struct ProxySettings: Sendable {
    struct Proxy: Hashable, Sendable {
        var host: String
        var port: Int
    }

    let http: Proxy?
    let https: Proxy?
    let exclusions: [String]

    init(environment: [String: String]) {
        func read(_ name: String) -> String? {
            environment[name.lowercased()] ?? environment[name.uppercased()]
        }
        http = read("http_proxy").flatMap(Self.parse)
        https = read("https_proxy").flatMap(Self.parse)
        exclusions = (read("no_proxy") ?? "").split(separator: ",").map {
            $0.trimmingCharacters(in: " ").lowercased()
        }.filter { !$0.isEmpty }
    }

    func proxy(for url: RequestURL) -> Proxy? {
        guard !isExcluded(url.host) else { return nil }
        return url.scheme == "https" ? https : http
    }

    private func isExcluded(_ host: String) -> Bool {
        exclusions.contains { entry in
            if entry == "*" { return true }
            let domain = entry.hasPrefix(".") ? String(entry.dropFirst()) : entry
            return host == domain || host.hasSuffix("." + domain)
        }
    }

    private static func parse(_ value: String) -> Proxy? {
        let target = URLText(value) != nil ? value : "http://" + value
        guard let url = RequestURL(target) else { return nil }
        return Proxy(host: url.host, port: url.effectivePort)
    }
}

extension StringProtocol {
    func trimmingCharacters(in character: Character) -> String {
        String(drop { $0 == character }.reversed().drop { $0 == character }.reversed())
    }
}

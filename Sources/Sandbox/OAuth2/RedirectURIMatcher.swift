import Foundation

/// oauth2-php's rule: a `redirect_uri` must start with a registered one (case-insensitively) with the same
/// host and port, and never contain `/../`. A registered loopback URI without a port accepts any port,
/// as RFC 8252 §7.3 asks of native-app loopback redirects.
enum RedirectURIMatcher {
    static func matches(_ candidate: String, registered: String) -> Bool {
        guard !candidate.contains("/../"),
              let given = URLComponents(string: candidate), let stored = URLComponents(string: registered),
              let givenHost = given.host?.lowercased(), let storedHost = stored.host?.lowercased(),
              givenHost == storedHost,
              given.scheme?.lowercased() == stored.scheme?.lowercased() else { return false }
        var comparable = given
        if stored.port == nil, isLoopback(storedHost) {
            comparable.port = nil
        } else if given.port != stored.port {
            return false
        }
        guard let text = comparable.string else { return false }
        return text.lowercased().hasPrefix(registered.lowercased())
    }

    static func matchesAny(_ candidate: String, registered: [String]) -> Bool {
        registered.contains { matches(candidate, registered: $0) }
    }

    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host == "[::1]" || host.hasPrefix("127.")
    }
}

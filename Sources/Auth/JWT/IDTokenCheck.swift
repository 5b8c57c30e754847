import HTTPExchange
import JSON

/// What `auth token` checks of an ID token besides its signature and times (OpenID Connect Core
/// §3.1.3.7): that it was issued for this client — `aud` contains the profile's client_id — and for
/// this login — `nonce` is the one sent with the authorization request, when apish sent one.
enum IDTokenCheck {
    static func lines(_ token: JSONWebToken, clientID: String, sentNonce: String?) -> [String] {
        [audience(token, clientID: clientID), nonce(token, sent: sentNonce)]
    }

    private static func audience(_ token: JSONWebToken, clientID: String) -> String {
        let audiences: [String]
        switch token.claims["aud"] {
        case .string(let single)?: audiences = [single]
        case .array(let items)?: audiences = items.compactMap(\.stringValue)
        default: return "aud: MISSING — an ID token must name the client it is for (OpenID Connect Core §2)"
        }
        return audiences.contains(clientID)
            ? "aud: contains this profile's client_id \(clientID) ✓"
            : "aud: MISMATCH — issued for \(audiences.joined(separator: ", ")), not for client_id \(clientID)"
    }

    private static func nonce(_ token: JSONWebToken, sent: String?) -> String {
        let returned = token.claims["nonce"]?.stringValue
        switch (sent, returned) {
        case let (sent?, returned?):
            return ConstantTime.equals(sent, returned)
                ? "nonce: matches the one sent at login ✓"
                : "nonce: MISMATCH — not the one sent at login: this token answers another login"
        case (_?, nil):
            return "nonce: absent, though one was sent at login (allowed only in an ID token from a refresh, OpenID Connect Core §12.2)"
        case (nil, _?):
            return "nonce: not checked — this login sent none (the device grant has no nonce)"
        case (nil, nil):
            return "nonce: none sent at login, none returned"
        }
    }
}

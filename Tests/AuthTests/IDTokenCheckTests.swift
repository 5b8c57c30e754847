import HTTPExchange
import Testing
@testable import Auth

/// `auth token`'s verdicts on an ID token: issued for this client (`aud`), answering this login (`nonce`).
@Suite struct IDTokenCheckTests {
    static func idToken(_ claims: String) throws -> JSONWebToken {
        let header = Base64.encodeURLSafe(Array(#"{"alg":"RS256"}"#.utf8))
        return try JSONWebToken(compact: header + "." + Base64.encodeURLSafe(Array(claims.utf8)) + ".c2ln")
    }

    @Test("the audience must hold the client and the nonce must answer the login", arguments: [
        (#"{"aud":"c1","nonce":"n-1"}"#, "n-1", ["aud: contains this profile's client_id c1 ✓", "nonce: matches the one sent at login ✓"]),
        (#"{"aud":["other","c1"]}"#, nil, ["aud: contains this profile's client_id c1 ✓", "nonce: none sent at login, none returned"]),
        (#"{"aud":"other","nonce":"n-2"}"#, "n-1", [
            "aud: MISMATCH — issued for other, not for client_id c1",
            "nonce: MISMATCH — not the one sent at login: this token answers another login",
        ]),
        (#"{"nonce":"n-1"}"#, nil, [
            "aud: MISSING — an ID token must name the client it is for (OpenID Connect Core §2)",
            "nonce: not checked — this login sent none (the device grant has no nonce)",
        ]),
    ] as [(String, String?, [String])])
    func idTokenVerdicts(claims: String, sent: String?, verdicts: [String]) throws {
        #expect(IDTokenCheck.lines(try Self.idToken(claims), clientID: "c1", sentNonce: sent) == verdicts)
    }

    @Test func anOpenIDAuthorizationRequestCarriesANonceAndOthersDoNot() throws {
        func request(scope: String) throws -> AuthorizationRequest {
            let profile = try AuthProfile(name: "p", settings: [
                "type": "oauth2", "authorize_url": "https://id.test/authorize", "token_url": "https://id.test/token", "client_id": "c1",
                "redirect_uri": "http://127.0.0.1:8765/callback", "scope": scope,
            ])
            guard case .oauth2(let settings) = profile.method else { throw AuthError.notApplicable("not oauth2") }
            return AuthorizationRequest(settings: settings, state: "s", nonce: "n-1")
        }
        let openID = try request(scope: "openid profile")
        #expect(openID.nonce == "n-1")
        #expect(openID.url.contains("&state=s&nonce=n-1&"))
        #expect(try request(scope: "contacts").nonce == nil)
    }
}

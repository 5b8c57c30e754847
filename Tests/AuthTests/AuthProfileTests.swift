import Auth
import Testing

@Suite struct AuthProfileTests {
    @Test func parsesAnOAuth2ProfileWithDefaults() throws {
        let profile = try AuthProfile(name: "mautic", settings: [
            "type": "oauth2", "client_id": "1_abc", "client_secret": "s", "token_url": "https://m.test/oauth/v2/token",
            "authorize_url": "https://m.test/oauth/v2/authorize", "redirect_uri": "http://127.0.0.1:8765/callback",
            "pkce": "false",
        ])
        guard case .oauth2(let settings) = profile.method else { Issue.record("not oauth2"); return }
        #expect(settings.grant == .authorizationCode && settings.clientAuthentication == .basic)
        #expect(!settings.pkce && settings.tokenPlacement == .header && settings.redirectTimeout == 300)
        #expect(profile.method.displayName == "oauth2 authorization_code")
    }

    @Test func parsesAnOAuth1ProfileForMautic() throws {
        let profile = try AuthProfile(name: "m3", settings: [
            "type": "oauth1", "consumer_key": "k", "consumer_secret": "s", "normalization": "mautic-legacy",
            "signature_method": "hmac-sha1", "placement": "query",
        ])
        guard case .oauth1(let settings) = profile.method else { Issue.record("not oauth1"); return }
        #expect(settings.normalization == .mauticLegacy && settings.placement == .query && settings.endpoints == nil)
        #expect(settings.callback == "oob")
    }

    @Test func unknownKeysAreErrorsWithASuggestion() {
        #expect(throws: AuthConfigurationError.unknownKey(profile: "p", key: "client_secet", type: "oauth2", suggestion: "client_secret")) {
            try AuthProfile(name: "p", settings: [
                "type": "oauth2", "grant": "client_credentials", "client_id": "c", "client_secet": "s",
                "token_url": "https://x.test/token",
            ])
        }
        #expect(throws: AuthConfigurationError.unknownKey(profile: "p", key: "consumer_key", type: "basic", suggestion: nil)) {
            try AuthProfile(name: "p", settings: ["type": "basic", "username": "u", "consumer_key": "k"])
        }
    }

    @Test func missingAndInvalidValuesNameTheKey() {
        #expect(throws: AuthConfigurationError.missingType(profile: "p")) { try AuthProfile(name: "p", settings: [:]) }
        #expect(throws: AuthConfigurationError.unknownType(profile: "p", type: "digest")) {
            try AuthProfile(name: "p", settings: ["type": "digest"])
        }
        do {
            _ = try AuthProfile(name: "p", settings: ["type": "oauth2", "client_id": "c", "token_url": "https://x.test/t"])
            Issue.record("authorization_code without authorize_url was accepted")
        } catch {
            #expect(error == .missing(profile: "p", key: "authorize_url", why: "the authorization code grant opens it in a browser"))
            #expect(error.description.contains("needs authorize_url"))
        }
        #expect(throws: AuthConfigurationError.self) {
            try AuthProfile(name: "p", settings: ["type": "oauth1", "consumer_key": "k", "consumer_secret": "s", "placement": "cookie"])
        }
        #expect(throws: AuthConfigurationError.self) {
            try AuthProfile(name: "p", settings: ["type": "oauth1", "consumer_key": "k", "signature_method": "RSA-SHA256"])
        }
        #expect(throws: AuthConfigurationError.self) {
            try AuthProfile(name: "p", settings: ["type": "oauth1", "consumer_key": "k", "consumer_secret": "s",
                                                  "request_token_url": "https://x.test/r"])
        }
    }

    @Test func everyDocumentedKeyBelongsToAType() {
        let types: Set = ["basic", "bearer", "oauth1", "oauth2", "none"]
        #expect(AuthSettingKey.all.allSatisfy { !$0.types.isEmpty && Set($0.types).isSubset(of: types) && !$0.summary.isEmpty })
        #expect(Set(AuthSettingKey.all.map(\.name)).count == AuthSettingKey.all.count)
    }
}

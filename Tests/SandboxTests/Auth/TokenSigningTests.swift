import Auth
import HTTPExchange
import Foundation
import JSON
import Testing
@testable import Sandbox

/// The sandbox as an OpenID provider: metadata, a key set, signed JWT access tokens and ID tokens.
@Suite("Discovery, JWKS and signed tokens")
struct TokenSigningTests {
    let sandbox = SandboxHarness()
    let redirect = "http://127.0.0.1:9876/callback"

    private func keySet() async throws -> JSONWebKeySet {
        let response = await sandbox.send("GET", "/oauth/v2/jwks", as: .none)
        #expect(response.status == 200)
        return try JSONWebKeySet(parsing: response.body)
    }

    @Test func metadataIsServedAtBothWellKnownAddresses() async throws {
        for path in ["/.well-known/openid-configuration", "/.well-known/oauth-authorization-server"] {
            let response = await sandbox.send("GET", path, as: .none)
            #expect(response.status == 200)
            let document = try response.json()
            #expect(document["issuer"] == "http://sandbox.test")
            #expect(document["token_endpoint"] == "http://sandbox.test/oauth/v2/token")
            #expect(document["authorization_endpoint"] == "http://sandbox.test/oauth/v2/authorize")
            #expect(document["device_authorization_endpoint"] == "http://sandbox.test/oauth/v2/device_authorization")
            #expect(document["jwks_uri"] == "http://sandbox.test/oauth/v2/jwks")
            let metadata = try AuthorizationServerMetadata(json: document, source: path)
            #expect(metadata.grantTypesSupported.contains("urn:ietf:params:oauth:grant-type:device_code"))
        }
        let keys = try await keySet()
        #expect(keys.keys.count == 1)
        #expect(keys.keys.first?.keyType == "RSA")
        #expect(keys.keys.first?.algorithm == "RS256")
        #expect(keys.keys.first?.members["d"] == nil, "only the public half is published")
    }

    @Test func accessTokensAreSignedJWTsTheAPIStillAccepts() async throws {
        let access = try await sandbox.serviceToken()
        let token = try JSONWebToken(compact: access)
        #expect(token.verify(with: try await keySet()).isVerified)
        #expect(token.header["typ"] == "at+jwt")
        #expect(token.claims.keys == ["iss", "sub", "aud", "client_id", "iat", "exp", "jti"])
        #expect(token.claims["iss"] == "http://sandbox.test")
        #expect(token.claims["client_id"] == "2_demo-service-client")
        #expect(token.time("exp")! - token.time("iat")! == 3600)
        let me = await sandbox.send("GET", "/api/users/self", as: .bearer(access))
        #expect(me.status == 200)

        // Changing a claim breaks the signature, and the API refuses a token it did not issue.
        let parts = access.split(separator: ".").map(String.init)
        var claims = token.claims
        claims["sub"] = "2"
        let forged = [parts[0], Base64.encodeURLSafe(JSONValue.object(claims).serializedBytes()), parts[2]].joined(separator: ".")
        #expect(try JSONWebToken(compact: forged).verify(with: try await keySet()) == .invalidSignature(keyID: token.keyID))
        #expect(await sandbox.send("GET", "/api/users/self", as: .bearer(forged)).status == 401)
    }

    @Test func theOpenIDScopeAddsAnIDTokenWithTheNonce() async throws {
        let fields = "client_id=1_demo-oauth2-client&redirect_uri=\(FormEncoding.encode(redirect))&response_type=code&state=s"
            + "&scope=openid&nonce=n-0S6_WzA2Mj&username=sales&password=sales&approve=1"
        let consent = await sandbox.send("POST", "/oauth/v2/authorize", form: fields, as: .none)
        let location = try #require(consent.header("Location"))
        let code = try #require(URLComponents(string: location)?.queryItems?.first { $0.name == "code" }?.value)
        let response = await sandbox.send(
            "POST", "/oauth/v2/token",
            form: "grant_type=authorization_code&client_id=1_demo-oauth2-client&client_secret=demo-oauth2-secret&code=\(code)&redirect_uri=\(FormEncoding.encode(redirect))",
            as: .none)
        let body = try response.json()
        #expect(body.objectValue?.keys == ["access_token", "expires_in", "token_type", "scope", "refresh_token", "id_token"])
        #expect(body["scope"] == "openid")
        let idToken = try JSONWebToken(compact: try #require(body["id_token"]?.stringValue))
        #expect(idToken.verify(with: try await keySet()).isVerified)
        #expect(idToken.claims["aud"] == "1_demo-oauth2-client")
        #expect(idToken.claims["sub"] == "2")
        #expect(idToken.claims["nonce"] == "n-0S6_WzA2Mj")
        #expect(idToken.claims["preferred_username"] == "sales")

        // Without openid there is no ID token, as before.
        let service = await sandbox.send(
            "POST", "/oauth/v2/token",
            form: "grant_type=client_credentials&client_id=2_demo-service-client&client_secret=demo-service-secret", as: .none)
        #expect(try service.json()["id_token"] == nil)
    }

    @Test func anExpiredJWTIsRefusedAndReadsAsExpired() async throws {
        let access = try await sandbox.serviceToken()
        sandbox.clock.advance(3601)
        let refused = await sandbox.send("GET", "/api/users/self", as: .bearer(access))
        #expect(refused.status == 401)
        let report = JWTReport(token: try JSONWebToken(compact: access), verification: nil, now: sandbox.clock.now)
        guard case .expired(let ago) = report.validity else { Issue.record("not expired: \(report.validity)"); return }
        #expect(ago >= 1 && ago < 3)
        #expect(report.lines.contains { $0.hasPrefix("status: EXPIRED") })
    }
}

import Auth
import Crypto
import Foundation
import HTTPExchange
import JSON
import Testing

/// Tokens taken apart, checked against key sets, and shown without ever printing the token itself.
@Suite struct JWTTests {
    static let signer = Result { try JWTSigner() }
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    static func claims(expiresIn: Int) -> JSONObject {
        let issuedAt = Int(now.timeIntervalSince1970)
        return JSONObject([
            (key: "iss", value: .string("https://issuer.test")), (key: "sub", value: .string("42")),
            (key: "exp", value: .number(JSONNumber(issuedAt + expiresIn))), (key: "iat", value: .number(JSONNumber(issuedAt))),
            (key: "scope", value: .string("openid")),
        ])
    }

    @Test func aSignedTokenDecodesInTheIssuersOrderAndVerifies() throws {
        let signer = try Self.signer.get()
        let text = try signer.sign(Self.claims(expiresIn: 250))
        let token = try JSONWebToken(compact: text)
        #expect(token.algorithm == "RS256")
        #expect(token.keyID == signer.keyID)
        #expect(token.header.keys == ["alg", "typ", "kid"])
        #expect(token.claims.keys == ["iss", "sub", "exp", "iat", "scope"])
        #expect(token.verify(with: signer.keySet) == .verified(keyID: signer.keyID, algorithm: "RS256"))

        let report = JWTReport(token: token, verification: token.verify(with: signer.keySet), now: Self.now)
        #expect(report.validity == .valid(expiresIn: 250))
        #expect(report.passes)
        let text2 = report.lines.joined(separator: "\n")
        #expect(text2.contains("  exp    1800000250  2027-01-15T08:04:10Z (in 4m 10s)"), "\(text2)")
        #expect(text2.contains("  iat    1800000000  2027-01-15T08:00:00Z (now)"))
        #expect(text2.contains("status: valid, expires in 4m 10s"))
        #expect(text2.contains("signature verified (RS256, key \(signer.keyID))"))
        let parts = text.split(separator: ".")
        #expect(!text2.contains(String(parts[2].prefix(20))), "the signature is never printed")
        #expect(!text2.contains(String(parts[1].prefix(20))), "nor the encoded token")
    }

    @Test func aTamperedTokenIsReportedAsSuch() throws {
        let signer = try Self.signer.get()
        let parts = try signer.sign(Self.claims(expiresIn: 600)).split(separator: ".").map(String.init)
        var claims = Self.claims(expiresIn: 600)
        claims["sub"] = .string("1")
        let forged = [parts[0], Base64.encodeURLSafe(JSONValue.object(claims).serializedBytes()), parts[2]].joined(separator: ".")
        let token = try JSONWebToken(compact: forged)
        let verification = token.verify(with: signer.keySet)
        #expect(verification == .invalidSignature(keyID: signer.keyID))
        let report = JWTReport(token: token, verification: verification, now: Self.now)
        #expect(!report.passes)
        #expect(report.lines.last?.hasPrefix("signature INVALID") == true)
    }

    @Test func anExpiredTokenShowsAsExpired() throws {
        let signer = try Self.signer.get()
        let token = try JSONWebToken(compact: signer.sign(Self.claims(expiresIn: -180)))
        let report = JWTReport(token: token, verification: token.verify(with: signer.keySet), now: Self.now)
        #expect(report.validity == .expired(ago: 180))
        #expect(!report.passes, "verified but expired")
        #expect(report.lines.contains("status: EXPIRED 3m ago"))
        #expect(report.lines.contains { $0.contains("(3m ago)") })
    }

    @Test func aKeySetWithoutTheTokensKeyDoesNotVerifyIt() throws {
        let token = try JSONWebToken(compact: Self.signer.get().sign(Self.claims(expiresIn: 60)))
        let other = try JWTSigner()
        #expect(token.verify(with: other.keySet) == .noMatchingKey(keyID: token.keyID))
    }

    @Test func es256AndEdDSATokensVerify() throws {
        let input = Base64.encodeURLSafe(Array(#"{"alg":"ES256","kid":"ec"}"#.utf8)) + "." + Base64.encodeURLSafe(Array(#"{"sub":"x"}"#.utf8))
        let key = P256.Signing.PrivateKey()
        let signature = try key.signature(for: SHA256.hash(data: Array(input.utf8)))
        let point = Array(key.publicKey.x963Representation)
        let keySet = try JSONWebKeySet(parsing: Array("""
            {"keys":[{"kty":"EC","kid":"ec","crv":"P-256","x":"\(Base64.encodeURLSafe(point[1...32]))","y":"\(Base64.encodeURLSafe(point[33...]))"}]}
            """.utf8))
        let token = try JSONWebToken(compact: input + "." + Base64.encodeURLSafe(signature.rawRepresentation))
        #expect(token.verify(with: keySet) == .verified(keyID: "ec", algorithm: "ES256"))

        let edInput = Base64.encodeURLSafe(Array(#"{"alg":"EdDSA"}"#.utf8)) + "." + Base64.encodeURLSafe(Array(#"{"sub":"y"}"#.utf8))
        let edKey = Curve25519.Signing.PrivateKey()
        let edSignature = try edKey.signature(for: Array(edInput.utf8))
        let edSet = try JSONWebKeySet(parsing: Array("""
            {"keys":[{"kty":"OKP","crv":"Ed25519","x":"\(Base64.encodeURLSafe(edKey.publicKey.rawRepresentation))"}]}
            """.utf8))
        let edToken = try JSONWebToken(compact: edInput + "." + Base64.encodeURLSafe(edSignature))
        #expect(edToken.verify(with: edSet) == .verified(keyID: nil, algorithm: "EdDSA"))
        #expect(edToken.verify(with: keySet) == .noMatchingKey(keyID: nil))
    }

    @Test func textThatIsNoJWTGetsOneClearReason() {
        #expect(throws: JWTError.notCompact(parts: 2)) { try JSONWebToken(compact: "abc.def") }
        #expect(throws: JWTError.notCompact(parts: 5)) { try JSONWebToken(compact: "a.b.c.d.e") }
        #expect(JWTError.notCompact(parts: 5).description.contains("encrypted token (JWE"))
        #expect(throws: JWTError.notBase64URL(part: "header")) { try JSONWebToken(compact: "a b.c.d") }
        let array = Base64.encodeURLSafe(Array("[1]".utf8))
        #expect(throws: JWTError.notJSONObject(part: "header", detail: "it is array")) { try JSONWebToken(compact: "\(array).\(array).") }
        let noAlg = Base64.encodeURLSafe(Array("{}".utf8))
        #expect(throws: JWTError.missingAlgorithm) { try JSONWebToken(compact: "\(noAlg).\(noAlg).") }
        #expect(throws: JWTError.invalidKeySet("no \"keys\" array")) { try JSONWebKeySet(parsing: Array("{}".utf8)) }
    }

    @Test func unsignedAndHMACTokensAreNotClaimedVerified() throws {
        let claims = Base64.encodeURLSafe(Array(#"{"sub":"x"}"#.utf8))
        let none = try JSONWebToken(compact: Base64.encodeURLSafe(Array(#"{"alg":"none"}"#.utf8)) + ".\(claims).")
        #expect(none.verify(with: try Self.signer.get().keySet) == .unsigned)
        let hmac = try JSONWebToken(compact: Base64.encodeURLSafe(Array(#"{"alg":"HS256"}"#.utf8)) + ".\(claims).c2ln")
        let verification = hmac.verify(with: try Self.signer.get().keySet)
        #expect(verification == .unverifiable(algorithm: "HS256"))
        #expect(verification.description.contains("shared secret"))
    }

    @Test func durationsReadAsPeopleSayThem() {
        #expect(JWTReport.duration(45) == "45s")
        #expect(JWTReport.duration(250) == "4m 10s")
        #expect(JWTReport.duration(180) == "3m")
        #expect(JWTReport.duration(7500) == "2h 5m")
        #expect(JWTReport.duration(3 * 86_400 + 4 * 3600) == "3d 4h")
    }

    @Test func discoveryTriesOpenIDConnectThenRFC8414PathInsertion() {
        #expect(AuthorizationServerMetadata.discoveryURLs(issuer: "https://id.test") == [
            "https://id.test/.well-known/openid-configuration", "https://id.test/.well-known/oauth-authorization-server",
        ])
        #expect(AuthorizationServerMetadata.discoveryURLs(issuer: "https://id.test/tenant/1/") == [
            "https://id.test/tenant/1/.well-known/openid-configuration",
            "https://id.test/.well-known/oauth-authorization-server/tenant/1",
        ])
    }
}

extension JWTTests {
    @Test func surroundingWhitespaceAndLineEndsAreIgnored() throws {
        let text = try Self.signer.get().sign(Self.claims(expiresIn: 60))
        #expect(try JSONWebToken(compact: "  \(text)\r\n") == JSONWebToken(compact: text))
    }
}

import Crypto
import HTTPExchange
import JSON
import _CryptoExtras

/// Issues RS256 tokens with one RSA key and publishes its public half as a JWK: what the sandbox signs
/// its access and ID tokens with, generated when it starts.
public struct JWTSigner: Sendable {
    public let keyID: String
    private let privateKey: _RSA.Signing.PrivateKey

    /// A fresh 2048-bit key; its `kid` is the RFC 7638 thumbprint of the public key.
    public init() throws {
        try self.init(privateKey: _RSA.Signing.PrivateKey(keySize: .bits2048))
    }

    public init(pemRepresentation: String) throws {
        try self.init(privateKey: _RSA.Signing.PrivateKey(pemRepresentation: pemRepresentation))
    }

    private init(privateKey: _RSA.Signing.PrivateKey) throws {
        self.privateKey = privateKey
        let primitives = try privateKey.publicKey.getKeyPrimitives()
        let e = Base64.encodeURLSafe(primitives.publicExponent)
        let n = Base64.encodeURLSafe(primitives.modulus)
        // RFC 7638 §3.2: the required members in lexicographic order, no whitespace.
        let thumbprintInput = #"{"e":"\#(e)","kty":"RSA","n":"\#(n)"}"#
        keyID = Base64.encodeURLSafe(SHA256.hash(data: Array(thumbprintInput.utf8)))
        publicKey = JSONWebKeySet.Key(
            keyType: "RSA", keyID: keyID, algorithm: "RS256", use: "sig",
            members: JSONObject([
                (key: "kty", value: .string("RSA")), (key: "use", value: .string("sig")),
                (key: "alg", value: .string("RS256")), (key: "kid", value: .string(keyID)),
                (key: "n", value: .string(n)), (key: "e", value: .string(e)),
            ]))
    }

    public let publicKey: JSONWebKeySet.Key

    public var keySet: JSONWebKeySet { JSONWebKeySet(keys: [publicKey]) }

    /// `header.claims.signature` with `{"alg":"RS256","typ":TYPE,"kid":…}` and the claims in the order given.
    public func sign(_ claims: JSONObject, type: String = "JWT") throws -> String {
        let header = JSONValue.object(JSONObject([
            (key: "alg", value: .string("RS256")), (key: "typ", value: .string(type)), (key: "kid", value: .string(keyID)),
        ]))
        let input = Base64.encodeURLSafe(header.serializedBytes()) + "." + Base64.encodeURLSafe(JSONValue.object(claims).serializedBytes())
        let signature = try privateKey.signature(for: SHA256.hash(data: Array(input.utf8)), padding: .insecurePKCS1v1_5)
        return input + "." + Base64.encodeURLSafe(signature.rawRepresentation)
    }
}

import Crypto
import Foundation
import HTTPExchange
import JSON
import _CryptoExtras

/// A JWK Set (RFC 7517 §5): the public keys a provider publishes at its `jwks_uri`.
public struct JSONWebKeySet: Sendable, Equatable {
    /// One public key (RFC 7517 §4, RFC 7518 §6): RSA (`n`, `e`), EC (`crv`, `x`, `y`) or OKP Ed25519 (`x`).
    public struct Key: Sendable, Equatable {
        public var keyType: String
        public var keyID: String?
        public var algorithm: String?
        public var use: String?
        /// The key's members as published, base64url values still encoded.
        public var members: JSONObject

        func bytes(_ member: String) -> [UInt8]? {
            members[member]?.stringValue.flatMap { Base64.decodeURLSafe($0) }
        }
    }

    public var keys: [Key]

    public init(keys: [Key]) {
        self.keys = keys
    }

    public init(parsing bytes: some Collection<UInt8>) throws(JWTError) {
        let value: JSONValue
        do { value = try JSONValue.parse(bytes) } catch { throw .invalidKeySet(error.description) }
        guard let list = value["keys"]?.arrayValue else { throw .invalidKeySet("no \"keys\" array") }
        keys = try list.map { (item: JSONValue) throws(JWTError) -> Key in
            guard let object = item.objectValue, let type = object["kty"]?.stringValue else {
                throw .invalidKeySet("a key without \"kty\"")
            }
            return Key(keyType: type, keyID: object["kid"]?.stringValue, algorithm: object["alg"]?.stringValue,
                       use: object["use"]?.stringValue, members: object)
        }
    }

    /// The set as JSON, members in the order they were given.
    public var json: JSONValue {
        .object(JSONObject([(key: "keys", value: .array(keys.map { .object($0.members) }))]))
    }
}

/// What checking a token's signature against a key set found.
public enum JWTVerification: Sendable, Equatable, CustomStringConvertible {
    case verified(keyID: String?, algorithm: String)
    /// A key matched the token's `kid` and algorithm, and the signature does not verify: the token was
    /// altered or signed by someone else.
    case invalidSignature(keyID: String?)
    /// No published key has the token's `kid` (or, without one, none fits the algorithm).
    case noMatchingKey(keyID: String?)
    /// `alg: none`: nothing to verify, and nothing proves who issued the token.
    case unsigned
    /// HMAC algorithms need the shared secret, which a public key set never holds; or an algorithm apish does not know.
    case unverifiable(algorithm: String)

    public var isVerified: Bool {
        if case .verified = self { return true }
        return false
    }

    public var description: String {
        switch self {
        case .verified(let keyID, let algorithm):
            "signature verified (\(algorithm)\(keyID.map { ", key \($0)" } ?? ""))"
        case .invalidSignature(let keyID):
            "signature INVALID: the token does not match the signature of key \(keyID ?? "(no kid)") — it was altered, or signed by another key"
        case .noMatchingKey(let keyID):
            "signature not checked: the key set has no key \(keyID.map { "with kid \($0)" } ?? "for this algorithm")"
        case .unsigned:
            "unsigned token (alg none): nothing proves who issued it"
        case .unverifiable(let algorithm) where algorithm.hasPrefix("HS"):
            "signature not checked: \(algorithm) is verified with the shared secret, not with published keys"
        case .unverifiable(let algorithm):
            "signature not checked: algorithm \(algorithm) is not supported (RS*, PS*, ES256/384/512, EdDSA are)"
        }
    }
}

extension JSONWebToken {
    /// Checks the signature with the key of the set whose `kid` matches (RFC 7515 §4.1.4), or, when the
    /// token names none, with each key of a fitting type.
    public func verify(with keySet: JSONWebKeySet) -> JWTVerification {
        let algorithm = self.algorithm
        if algorithm == "none" { return .unsigned }
        guard let family = JWTAlgorithm(algorithm) else { return .unverifiable(algorithm: algorithm) }
        let candidates = keySet.keys.filter { key in
            key.keyType == family.keyType && (keyID == nil || key.keyID == keyID)
                && (key.algorithm == nil || key.algorithm == algorithm) && key.use != "enc"
        }
        guard !candidates.isEmpty else { return .noMatchingKey(keyID: keyID) }
        for key in candidates where family.isValid(signature: signature, for: signingInput, key: key) {
            return .verified(keyID: key.keyID, algorithm: algorithm)
        }
        return .invalidSignature(keyID: keyID ?? candidates.first?.keyID)
    }
}

/// The JWS algorithms apish verifies (RFC 7518 §3, RFC 8037 §3.1).
enum JWTAlgorithm {
    case rsa(hash: Int, pss: Bool)
    case ecdsa(hash: Int)
    case edDSA

    init?(_ name: String) {
        switch name {
        case "RS256": self = .rsa(hash: 256, pss: false)
        case "RS384": self = .rsa(hash: 384, pss: false)
        case "RS512": self = .rsa(hash: 512, pss: false)
        case "PS256": self = .rsa(hash: 256, pss: true)
        case "PS384": self = .rsa(hash: 384, pss: true)
        case "PS512": self = .rsa(hash: 512, pss: true)
        case "ES256": self = .ecdsa(hash: 256)
        case "ES384": self = .ecdsa(hash: 384)
        case "ES512": self = .ecdsa(hash: 512)
        case "EdDSA": self = .edDSA
        default: return nil
        }
    }

    var keyType: String {
        switch self {
        case .rsa: "RSA"
        case .ecdsa: "EC"
        case .edDSA: "OKP"
        }
    }

    func isValid(signature: [UInt8], for input: [UInt8], key: JSONWebKeySet.Key) -> Bool {
        switch self {
        case .rsa(let hash, let pss):
            guard let n = key.bytes("n"), let e = key.bytes("e"),
                let publicKey = try? _RSA.Signing.PublicKey(n: n, e: e)
            else { return false }
            let rsaSignature = _RSA.Signing.RSASignature(rawRepresentation: signature)
            let padding: _RSA.Signing.Padding = pss ? .PSS : .insecurePKCS1v1_5
            switch hash {
            case 256: return publicKey.isValidSignature(rsaSignature, for: SHA256.hash(data: input), padding: padding)
            case 384: return publicKey.isValidSignature(rsaSignature, for: SHA384.hash(data: input), padding: padding)
            default: return publicKey.isValidSignature(rsaSignature, for: SHA512.hash(data: input), padding: padding)
            }
        case .ecdsa(let hash):
            guard let x = key.bytes("x"), let y = key.bytes("y") else { return false }
            let point = [0x04] + x + y
            switch (hash, key.members["crv"]?.stringValue) {
            case (256, "P-256"):
                guard let publicKey = try? P256.Signing.PublicKey(x963Representation: point),
                    let ecdsa = try? P256.Signing.ECDSASignature(rawRepresentation: signature)
                else { return false }
                return publicKey.isValidSignature(ecdsa, for: SHA256.hash(data: input))
            case (384, "P-384"):
                guard let publicKey = try? P384.Signing.PublicKey(x963Representation: point),
                    let ecdsa = try? P384.Signing.ECDSASignature(rawRepresentation: signature)
                else { return false }
                return publicKey.isValidSignature(ecdsa, for: SHA384.hash(data: input))
            case (512, "P-521"):
                guard let publicKey = try? P521.Signing.PublicKey(x963Representation: point),
                    let ecdsa = try? P521.Signing.ECDSASignature(rawRepresentation: signature)
                else { return false }
                return publicKey.isValidSignature(ecdsa, for: SHA512.hash(data: input))
            default:
                return false
            }
        case .edDSA:
            guard key.members["crv"]?.stringValue == "Ed25519", let x = key.bytes("x"),
                let publicKey = try? Curve25519.Signing.PublicKey(rawRepresentation: x)
            else { return false }
            return publicKey.isValidSignature(signature, for: input)
        }
    }
}

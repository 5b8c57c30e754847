import Foundation
import HTTPExchange
import JSON

/// A JSON Web Token in compact serialization (RFC 7519, RFC 7515 §7.1), taken apart: the header and
/// claims as JSON objects in the order the issuer wrote them, and what the signature covers.
///
/// ```swift
/// let token = try JSONWebToken(compact: "eyJhbGciOi…")
/// token.algorithm        // "RS256"
/// token.claims["sub"]    // .string("1")
/// ```
public struct JSONWebToken: Sendable, Equatable {
    public let header: JSONObject
    public let claims: JSONObject
    /// `BASE64URL(header) . BASE64URL(claims)`: the bytes the signature was made over.
    public let signingInput: [UInt8]
    public let signature: [UInt8]

    public init(compact text: String) throws(JWTError) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let parts = trimmed.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3 else { throw .notCompact(parts: parts.count) }
        header = try Self.object(parts[0], part: "header")
        claims = try Self.object(parts[1], part: "claims")
        guard let signature = Base64.decodeURLSafe(parts[2]) else { throw .notBase64URL(part: "signature") }
        guard header["alg"]?.stringValue != nil else { throw .missingAlgorithm }
        self.signature = signature
        signingInput = Array(parts[0].utf8) + [UInt8(ascii: ".")] + Array(parts[1].utf8)
    }

    /// Whether `text` has the shape of a compact JWT (three base64url parts, a JSON header): how
    /// `auth token` tells a JWT access token from an opaque one.
    public static func looksLikeJWT(_ text: String) -> Bool {
        (try? JSONWebToken(compact: text)) != nil
    }

    /// `alg` from the header: RS256, ES256, HS256, none…
    public var algorithm: String { header["alg"]?.stringValue ?? "" }
    public var keyID: String? { header["kid"]?.stringValue }

    /// A time claim (`exp`, `iat`, `nbf`: seconds since 1970, RFC 7519 §2 NumericDate), when it is a number.
    public func time(_ claim: String) -> Double? {
        claims[claim]?.doubleValue
    }

    private static func object(_ part: Substring, part name: String) throws(JWTError) -> JSONObject {
        guard let bytes = Base64.decodeURLSafe(part) else { throw .notBase64URL(part: name) }
        let value: JSONValue
        do { value = try JSONValue.parse(bytes) } catch { throw .notJSONObject(part: name, detail: error.description) }
        guard let object = value.objectValue else { throw .notJSONObject(part: name, detail: "it is \(value.kindName)") }
        return object
    }
}

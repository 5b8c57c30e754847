import Crypto
import Foundation
import HTTPExchange
import _CryptoExtras

/// OAuth 1.0a signatures (RFC 5849 §3.4): building the signature base string, signing it, and checking
/// a signature on the server side. Pure: no clock, no randomness, no I/O.
public enum OAuth1Signature {
    /// `METHOD&enc(base-string-URI)&enc(normalized-parameters)` (RFC 5849 §3.4.1).
    ///
    /// - `url`: the request URL. Scheme and host are lower-cased, a default port is dropped and the
    ///   query and fragment are left out: the caller passes the query's pairs in `parameters`.
    /// - `parameters`: decoded pairs from the query, an `application/x-www-form-urlencoded` body and the
    ///   `oauth_*` protocol parameters (without `realm`); `oauth_signature` is ignored if present.
    public static func baseString(
        method: String, url: String, parameters: [(String, String)], normalization: OAuth1Normalization = .rfc5849
    ) -> String {
        [
            method.uppercased(),
            OAuthPercentEncoding.encode(baseStringURI(url)),
            OAuthPercentEncoding.encode(normalization.normalize(parameters)),
        ].joined(separator: "&")
    }

    /// The base string URI (RFC 5849 §3.4.1.2): `scheme://host[:non-default-port]/path`.
    public static func baseStringURI(_ url: String) -> String {
        guard let parsed = RequestURL(url) else {
            let cut = url.firstIndex { $0 == "?" || $0 == "#" } ?? url.endIndex
            return String(url[..<cut])
        }
        return parsed.withoutQuery
    }

    /// The signing key `enc(consumer_secret)&enc(token_secret)`; the token secret is empty before a
    /// token exists (RFC 5849 §3.4.2). It is also the whole PLAINTEXT signature.
    public static func key(consumerSecret: String, tokenSecret: String) -> String {
        OAuthPercentEncoding.encode(consumerSecret) + "&" + OAuthPercentEncoding.encode(tokenSecret)
    }

    /// The `oauth_signature` value (before the percent-encoding a header or query applies).
    public static func sign(
        baseString: String, method: OAuth1SignatureMethod, consumerSecret: String, tokenSecret: String,
        rsaPrivateKeyPEM: String? = nil
    ) throws(OAuth1SignatureError) -> String {
        let key = key(consumerSecret: consumerSecret, tokenSecret: tokenSecret)
        let message = Data(baseString.utf8)
        switch method {
        case .plaintext:
            return key
        case .hmacSHA1:
            return hmac(Insecure.SHA1.self, key: key, message: message)
        case .hmacSHA256:
            return hmac(SHA256.self, key: key, message: message)
        case .hmacSHA512:
            return hmac(SHA512.self, key: key, message: message)
        case .rsaSHA1, .rsaSHA256:
            guard let rsaPrivateKeyPEM else { throw .missingRSAKey(method) }
            do {
                let privateKey = try _RSA.Signing.PrivateKey(unsafePEMRepresentation: rsaPrivateKeyPEM)
                let signature: _RSA.Signing.RSASignature =
                    method == .rsaSHA1
                    ? try privateKey.signature(for: Insecure.SHA1.hash(data: message), padding: .insecurePKCS1v1_5)
                    : try privateKey.signature(for: SHA256.hash(data: message), padding: .insecurePKCS1v1_5)
                return Base64.encode(signature.rawRepresentation)
            } catch {
                throw .invalidRSAKey(reason: String(describing: error))
            }
        }
    }

    /// Checks `signature` (the decoded `oauth_signature`) against `baseString`, for servers.
    /// HMAC and PLAINTEXT recompute the signature and compare in constant time; RSA methods verify
    /// with `rsaPublicKeyPEM` (a `PUBLIC KEY` or `RSA PUBLIC KEY` PEM).
    public static func verify(
        signature: String, baseString: String, method: OAuth1SignatureMethod, consumerSecret: String,
        tokenSecret: String, rsaPublicKeyPEM: String? = nil
    ) throws(OAuth1SignatureError) -> Bool {
        switch method {
        case .plaintext, .hmacSHA1, .hmacSHA256, .hmacSHA512:
            let expected = try sign(
                baseString: baseString, method: method, consumerSecret: consumerSecret, tokenSecret: tokenSecret)
            return ConstantTime.equals(expected, signature)
        case .rsaSHA1, .rsaSHA256:
            guard let rsaPublicKeyPEM else { throw .missingRSAKey(method) }
            let publicKey: _RSA.Signing.PublicKey
            do {
                publicKey = try _RSA.Signing.PublicKey(unsafePEMRepresentation: rsaPublicKeyPEM)
            } catch {
                throw .invalidRSAKey(reason: String(describing: error))
            }
            guard let raw = Base64.decode(signature, padding: .required) else { return false }
            let rsaSignature = _RSA.Signing.RSASignature(rawRepresentation: raw)
            let message = Data(baseString.utf8)
            return method == .rsaSHA1
                ? publicKey.isValidSignature(rsaSignature, for: Insecure.SHA1.hash(data: message), padding: .insecurePKCS1v1_5)
                : publicKey.isValidSignature(rsaSignature, for: SHA256.hash(data: message), padding: .insecurePKCS1v1_5)
        }
    }

    private static func hmac<H: HashFunction>(_ hash: H.Type, key: String, message: Data) -> String {
        let code = HMAC<H>.authenticationCode(for: message, using: SymmetricKey(data: Data(key.utf8)))
        return Base64.encode(code)
    }
}

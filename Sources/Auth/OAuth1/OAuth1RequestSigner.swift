import Foundation
import HTTPExchange

/// Signs an `HTTPRequest` per RFC 5849 §3: collects the query, a form body and the protocol parameters,
/// signs, and places the parameters in the header, the query or the form body. Pure: the nonce and
/// timestamp are given; `OAuth1Nonce` makes fresh ones.
public struct OAuth1RequestSigner: Sendable {
    public var consumerKey: String
    public var consumerSecret: String
    public var method: OAuth1SignatureMethod
    public var placement: OAuth1Placement
    public var normalization: OAuth1Normalization
    public var realm: String?
    public var rsaPrivateKeyPEM: String?

    public init(
        consumerKey: String, consumerSecret: String, method: OAuth1SignatureMethod = .hmacSHA1,
        placement: OAuth1Placement = .header, normalization: OAuth1Normalization = .rfc5849, realm: String? = nil,
        rsaPrivateKeyPEM: String? = nil
    ) {
        self.consumerKey = consumerKey
        self.consumerSecret = consumerSecret
        self.method = method
        self.placement = placement
        self.normalization = normalization
        self.realm = realm
        self.rsaPrivateKeyPEM = rsaPrivateKeyPEM
    }

    /// What signing did, step by step, for `trace on`. Holds secrets: narrate it through the redactor.
    public struct Report: Sendable {
        public var collected: [(source: String, name: String, value: String)]
        public var normalized: String
        public var baseString: String
        public var signature: String
        /// Where the parameters went: the Authorization header value, or the query/body pairs.
        public var placed: String
    }

    /// - Parameters:
    ///   - token: the token credentials (or temporary credentials), nil before any exist.
    ///   - extra: protocol parameters of a login step, such as `oauth_callback` or `oauth_verifier`.
    public func sign(
        _ request: HTTPRequest, token: OAuth1Token?, extra: [(String, String)] = [], nonce: String, timestamp: Int
    ) throws(OAuth1SignatureError) -> (request: HTTPRequest, report: Report) {
        var protocolParameters: [(String, String)] = [
            ("oauth_consumer_key", consumerKey),
            ("oauth_nonce", nonce),
            ("oauth_signature_method", method.rawValue),
            ("oauth_timestamp", String(timestamp)),
        ]
        if let token { protocolParameters.append(("oauth_token", token.token)) }
        protocolParameters.append(("oauth_version", "1.0"))
        protocolParameters += extra

        let query = RequestURL(request.url)?.queryPairs ?? []
        let form = Self.formPairs(of: request)
        var collected = query.map { (source: "query", name: $0.0, value: $0.1) }
        collected += form.map { (source: "body", name: $0.0, value: $0.1) }
        collected += protocolParameters.map { (source: "oauth", name: $0.0, value: $0.1) }

        let parameters = collected.map { ($0.name, $0.value) }
        let base = OAuth1Signature.baseString(
            method: request.method, url: request.url, parameters: parameters, normalization: normalization)
        let signature = try OAuth1Signature.sign(
            baseString: base, method: method, consumerSecret: consumerSecret, tokenSecret: token?.secret ?? "",
            rsaPrivateKeyPEM: rsaPrivateKeyPEM)
        protocolParameters.append(("oauth_signature", signature))

        var signed = request
        let placed: String
        // A GET or HEAD has no body to carry the parameters, so they go in its query.
        let bodyless = ["GET", "HEAD"].contains(request.method.uppercased())
        switch placement == .body && bodyless ? .query : placement {
        case .header:
            placed = OAuth1AuthorizationHeader.render(protocolParameters, realm: realm)
            signed.headers.set("Authorization", placed)
        case .query:
            signed.url = RequestURL.appendingQuery(protocolParameters, to: request.url)
            placed = "query: " + protocolParameters.map { "\($0.0)=\($0.1)" }.joined(separator: "&")
        case .body:
            var fields: [FormField]
            switch request.body {
            case .form(let existing): fields = existing
            case .empty: fields = []
            default: throw .placementNeedsFormBody
            }
            fields += protocolParameters.map { FormField(name: $0.0, value: $0.1) }
            signed.body = .form(fields)
            placed = "form body: " + protocolParameters.map { "\($0.0)=\($0.1)" }.joined(separator: "&")
        }
        let report = Report(
            collected: collected, normalized: normalization.normalize(parameters), baseString: base,
            signature: signature, placed: placed)
        return (signed, report)
    }

    /// The pairs of a single-part `application/x-www-form-urlencoded` body (RFC 5849 §3.4.1.3.1);
    /// any other body (JSON, multipart, bytes of another type) is not signed.
    static func formPairs(of request: HTTPRequest) -> [(String, String)] {
        switch request.body {
        case .form(let fields):
            return fields.map { ($0.name, $0.value) }
        case .bytes(let bytes):
            let type = request.headers["Content-Type"]?.lowercased() ?? ""
            guard type.hasPrefix("application/x-www-form-urlencoded") else { return [] }
            return PercentEncoding.decodePairs(String(decoding: bytes, as: UTF8.self))
        default:
            return []
        }
    }
}

/// Fresh `oauth_nonce` and `oauth_timestamp` values.
public enum OAuth1Nonce {
    /// 24 letters and digits from a secure generator: the character set and length oauthlib accepts.
    public static func make() -> String {
        SecureRandom.alphanumericToken(length: 24)
    }

    public static func timestamp(_ now: Date = Date()) -> Int {
        Int(now.timeIntervalSince1970)
    }
}

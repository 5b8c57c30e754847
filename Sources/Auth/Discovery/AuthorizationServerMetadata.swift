import HTTPExchange
import JSON

/// What a provider says about itself (RFC 8414 §2, OpenID Connect Discovery 1.0 §3): its issuer
/// identifier and endpoints. `issuer = URL` in a profile fills the endpoints it does not set from this.
public struct AuthorizationServerMetadata: Sendable, Equatable {
    public var issuer: String
    public var authorizationEndpoint: String?
    public var tokenEndpoint: String?
    public var deviceAuthorizationEndpoint: String?
    public var jwksURI: String?
    public var grantTypesSupported: [String]
    /// Where the document was read.
    public var source: String

    public init(json: JSONValue, source: String) throws(AuthError) {
        guard let object = json.objectValue else {
            throw .unexpectedResponse("discovery: \(source) is not a JSON object")
        }
        guard let issuer = object["issuer"]?.stringValue, !issuer.isEmpty else {
            throw .unexpectedResponse("discovery: \(source) has no \"issuer\" (RFC 8414 §2 requires it)")
        }
        self.issuer = issuer
        authorizationEndpoint = object["authorization_endpoint"]?.stringValue
        tokenEndpoint = object["token_endpoint"]?.stringValue
        deviceAuthorizationEndpoint = object["device_authorization_endpoint"]?.stringValue
        jwksURI = object["jwks_uri"]?.stringValue
        grantTypesSupported = object["grant_types_supported"]?.arrayValue?.compactMap(\.stringValue) ?? []
        self.source = source
    }

    /// The addresses to try for an issuer, in order: OpenID Connect's (`ISSUER/.well-known/openid-configuration`),
    /// then RFC 8414 §3.1's, where the well-known segment goes between the host and the issuer's path
    /// (`https://host/.well-known/oauth-authorization-server/tenant`). An issuer without a path gets two
    /// addresses at the root.
    public static func discoveryURLs(issuer: String) -> [String] {
        var trimmed = Substring(issuer)
        while trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        let openID = trimmed + "/.well-known/openid-configuration"
        guard let parts = URLText(trimmed) else { return [String(openID)] }
        let origin = trimmed[..<parts.rest.startIndex]
        let path = parts.rest
        return [String(openID), String(origin) + "/.well-known/oauth-authorization-server" + path]
    }
}

import HTTPExchange
import JSON

/// Reads the documents a provider publishes — its metadata and its key set — through the same sender
/// that carries the session's token requests, narrating each step for `trace on`.
struct ProviderDocuments: Sendable {
    let sender: any HTTPSending
    let narrate: TraceNarrator

    /// Tries each discovery address until one answers with a document, and accepts it only when its
    /// `issuer` is exactly the configured one (RFC 8414 §3.3; OpenID Connect Discovery §4.3).
    func metadata(issuer: String) async throws -> AuthorizationServerMetadata {
        narrate("discovery: reading the provider's metadata for issuer \(issuer)")
        var failures: [String] = []
        for (index, url) in AuthorizationServerMetadata.discoveryURLs(issuer: issuer).enumerated() {
            narrate("  \(index + 1). GET \(url)")
            let response: HTTPResponse
            do {
                response = try await sender.send(
                    HTTPRequest(method: "GET", url: url, headers: ["Accept": "application/json"]),
                    options: SendOptions(followRedirects: false))
            } catch {
                narrate("     failed: \(error)")
                failures.append("\(url): \(error)")
                continue
            }
            guard response.status == 200, let json = try? response.json() else {
                narrate("     ← HTTP \(response.status): no metadata here")
                failures.append("\(url): HTTP \(response.status)")
                continue
            }
            let metadata = try AuthorizationServerMetadata(json: json, source: url)
            guard metadata.issuer == issuer else {
                narrate("     ← issuer \(metadata.issuer) is not \(issuer): the document is refused")
                throw AuthError.unexpectedResponse(
                    "discovery: \(url) names issuer \(metadata.issuer), not \(issuer); its endpoints are not used (RFC 8414 §3.3)")
            }
            narrate("     ← HTTP 200: issuer matches")
            for (name, value) in [
                ("authorization_endpoint", metadata.authorizationEndpoint), ("token_endpoint", metadata.tokenEndpoint),
                ("device_authorization_endpoint", metadata.deviceAuthorizationEndpoint), ("jwks_uri", metadata.jwksURI),
            ] {
                if let value { narrate("     \(name) = \(value)") }
            }
            return metadata
        }
        throw AuthError.unexpectedResponse(
            "discovery found no metadata for issuer \(issuer): " + failures.joined(separator: "; "))
    }

    /// The JWK Set at `url` (a provider's `jwks_uri`).
    func keySet(url: String) async throws -> JSONWebKeySet {
        narrate("jwks: GET \(url)")
        let response = try await sender.send(
            HTTPRequest(method: "GET", url: url, headers: ["Accept": "application/json"]), options: SendOptions())
        guard response.status == 200 else {
            throw AuthError.unexpectedResponse("the key set at \(url) answered HTTP \(response.status)")
        }
        do {
            let keySet = try JSONWebKeySet(parsing: response.body)
            narrate("  ← \(keySet.keys.count) key(s): " + keySet.keys.map { "\($0.keyType) \($0.keyID ?? "(no kid)")" }.joined(separator: ", "))
            return keySet
        } catch {
            throw AuthError.unexpectedResponse("\(url): \(error)")
        }
    }
}

/// Reads a key set for `jwt decode --jwks URL`, outside any auth profile.
public enum KeySetFetcher {
    public static func fetch(_ url: String, sender: any HTTPSending) async throws -> JSONWebKeySet {
        try await ProviderDocuments(sender: sender, narrate: TraceNarrator(nil, secrets: [])).keySet(url: url)
    }
}

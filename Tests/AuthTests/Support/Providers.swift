import Foundation
import HTTPExchange
import TestSupport
import Transport

/// The oauthlib providers under `providers/`, started on free loopback ports.
enum Providers {
    static func oauth1() throws -> PeerServer {
        try PeerServer(python: [ProviderScripts.path("oauth1_provider.py"), "--port", "{port}"])
    }

    static func oauth2(tokenLifetime: Int = 3600, codeLifetime: Double = 60) throws -> PeerServer {
        try PeerServer(python: [
            ProviderScripts.path("oauth2_provider.py"), "--port", "{port}", "--token-lifetime", String(tokenLifetime),
            "--code-lifetime", String(codeLifetime),
        ])
    }

    /// httpbin, through `unblocked.py` so that it stops when the test lets go of it.
    static func httpbin() throws -> PeerServer {
        try PeerServer(python: [ProviderScripts.path("unblocked.py"), "-m", "httpbin.core", "--host", "127.0.0.1",
                                "--port", "{port}"])
    }

    /// The OAuth 2 provider's grant and API counters.
    static func counters(_ provider: PeerServer, transport: HTTPTransport) async throws -> [String: Int] {
        let response = try await transport.send(
            HTTPRequest(method: "GET", url: provider.baseURL + "/admin/counters"), options: SendOptions())
        let object = try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Int]
        return object ?? [:]
    }
}

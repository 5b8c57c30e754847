import Foundation
import HTTPExchange
import TestSupport
import Testing
import Transport

/// TLS against a Python `ssl` server with a throw-away self-signed certificate.
@Suite(.serialized) final class TLSTests {
    let folder: URL
    let server: PeerServer
    let transport = HTTPTransport(environment: [:])

    init() throws {
        folder = try PackagePaths.temporaryFolder("apish-tls")
        try SelfSignedCertificate.make(in: folder)
        let script = PackagePaths.root.appendingPathComponent("Tests/TransportTests/peers/tls_server.py").path
        server = try PeerServer(python: [script, "--port", "{port}", "--dir", folder.path])
    }

    deinit {
        let transport = transport
        Task { await transport.shutdown() }
    }

    var url: String { "https://127.0.0.1:\(server.port)/" }

    @Test func verificationIsOnByDefault() async throws {
        do {
            _ = try await transport.send(HTTPRequest(method: "GET", url: url), options: SendOptions())
            Issue.record("a self-signed certificate must be refused")
        } catch let error as TransportError {
            guard case .tls(let detail) = error.cause else {
                Issue.record("expected a TLS failure, got \(error)")
                return
            }
            #expect(error.description.hasPrefix("TLS handshake with 127.0.0.1:\(server.port) failed: certificate verify failed"))
            #expect(detail.contains("--insecure"))
            #expect(!error.description.contains("sslError"))
        }
    }

    @Test func insecureAndCACertBothConnect() async throws {
        let insecure = try await transport.send(HTTPRequest(method: "GET", url: url), options: SendOptions(insecure: true))
        #expect(String(decoding: insecure.body, as: UTF8.self) == #"{"tls": true}"#)
        let trusted = try await transport.send(
            HTTPRequest(method: "GET", url: url),
            options: SendOptions(caCertificatePath: folder.appendingPathComponent("cert.pem").path))
        #expect(trusted.status == 200)
    }
}

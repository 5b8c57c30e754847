import Foundation
import HTTPExchange
import TestSupport
import Testing
import Transport

/// HTTP/2 chosen by ALPN, and the proxies named by HTTP_PROXY, HTTPS_PROXY and NO_PROXY, against peers on
/// 127.0.0.1: peers/h2_server.py answers each request with what it received, peers/proxy_server.py writes
/// down each request line sent to it, and `python3 -m http.server` is an origin for plain HTTP.
@Suite(.serialized) final class HTTP2AndProxyTests {
    let folder: URL
    let h2: PeerServer
    let proxy: PeerServer
    let plain: PeerServer
    /// Served by the plain origin: a body no proxy error page or other server could make up.
    let greeting = "from the plain origin \(UUID().uuidString)\n"
    let insecure = SendOptions(timeout: .seconds(20), insecure: true)

    init() throws {
        folder = try PackagePaths.temporaryFolder("apish-h2-proxy")
        try SelfSignedCertificate.make(in: folder)
        try Data(greeting.utf8).write(to: folder.appendingPathComponent("greeting.txt"))
        h2 = try PeerServer(python: [Self.peer("h2_server.py"), "--port", "{port}", "--dir", folder.path])
        let log = folder.appendingPathComponent("proxy.log").path
        proxy = try PeerServer(python: [Self.peer("proxy_server.py"), "--port", "{port}", "--log", log])
        plain = try PeerServer(python: ["-m", "http.server", "{port}", "--bind", "127.0.0.1", "--directory", folder.path])
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }

    static func peer(_ name: String) -> String {
        PackagePaths.root.appendingPathComponent("Tests/TransportTests/peers/\(name)").path
    }

    var h2Origin: String { "https://127.0.0.1:\(h2.port)" }
    var greetingURL: String { "\(plain.baseURL)/greeting.txt" }
    var caCertificate: String { folder.appendingPathComponent("cert.pem").path }

    /// A transport of its own for each test, closed whatever the test's outcome: each test sets its own
    /// proxy variables, and a connection left open from one must not serve the next.
    func withTransport<T>(environment: [String: String] = [:], _ body: (HTTPTransport) async throws -> T) async throws -> T {
        let transport = HTTPTransport(environment: environment)
        do {
            let result = try await body(transport)
            await transport.shutdown()
            return result
        } catch {
            await transport.shutdown()
            throw error
        }
    }

    /// The request lines the proxy received, in order.
    func proxyLog() throws -> [String] {
        let text = try String(contentsOf: folder.appendingPathComponent("proxy.log"), encoding: .utf8)
        return text.split(separator: "\n").map(String.init)
    }

    /// What peers/h2_server.py says it received.
    struct Echo: Decodable {
        let `protocol`: String
        let connection: Int
        let stream: Int?
        let method: String
        let path: String
        let authority: String?
        let scheme: String?
        let headers: [String: String]
        let body: String
    }

    func echo(of response: HTTPResponse) throws -> Echo {
        do {
            return try JSONDecoder().decode(Echo.self, from: Data(response.body))
        } catch {
            let text = String(decoding: response.body, as: UTF8.self)
            throw PeerServerError(message: "not the h2 peer's echo (\(response.status)): \(text)")
        }
    }

    // MARK: HTTP/2

    @Test func http2IsChosenByALPNAndTheRequestArrivesIntact() async throws {
        let response = try await withTransport { transport in
            try await transport.send(
                HTTPRequest(method: "GET", url: "\(h2Origin)/echo/path?q=1&r=two", headers: ["X-Probe": "probe value 1"]),
                options: insecure)
        }
        #expect(response.version == "HTTP/2")
        #expect(response.reason == "")
        #expect(response.status == 200)
        #expect(response.statusText == "200")
        #expect(response.headers["Content-Type"] == "application/json")
        let echo = try echo(of: response)
        #expect(echo.protocol == "h2")
        #expect(echo.stream == 1)
        #expect(echo.method == "GET")
        #expect(echo.path == "/echo/path?q=1&r=two")
        #expect(echo.authority == "127.0.0.1:\(h2.port)")
        #expect(echo.scheme == "https")
        #expect(echo.headers["x-probe"] == "probe value 1")
    }

    @Test func aTrustedCACertificateAlsoGetsHTTP2() async throws {
        let response = try await withTransport { transport in
            try await transport.send(
                HTTPRequest(method: "GET", url: "\(h2Origin)/trusted", headers: ["X-Probe": "verified"]),
                options: SendOptions(timeout: .seconds(20), caCertificatePath: caCertificate))
        }
        #expect(response.version == "HTTP/2")
        #expect(response.reason == "")
        #expect(response.status == 200)
        let echo = try echo(of: response)
        #expect(echo.protocol == "h2")
        #expect(echo.path == "/trusted")
        #expect(echo.headers["x-probe"] == "verified")
    }

    @Test func aRequestBodyArrivesWholeOverHTTP2() async throws {
        let body = #"{"name": "h2", "n": [1, 2, 3]}"#
        let response = try await withTransport { transport in
            try await transport.send(
                HTTPRequest(method: "POST", url: "\(h2Origin)/items", headers: ["Content-Type": "application/json"],
                            body: .bytes(Array(body.utf8))),
                options: insecure)
        }
        #expect(response.version == "HTTP/2")
        let echo = try echo(of: response)
        #expect(echo.method == "POST")
        #expect(echo.path == "/items")
        #expect(echo.body == body)
        #expect(echo.headers["content-type"] == "application/json")
        #expect(echo.headers["content-length"] == String(body.utf8.count))
    }

    /// The peer numbers its TCP connections and reports each request's stream: requests on one shared
    /// connection get the same number and the client's next odd stream IDs.
    @Test func requestsToOneOriginShareOneHTTP2Connection() async throws {
        let origin = h2Origin, options = insecure
        func request(_ path: String) -> HTTPRequest {
            HTTPRequest(method: "GET", url: origin + path, headers: ["X-Probe": path])
        }
        try await withTransport { transport in
            func get(_ path: String) async throws -> HTTPResponse {
                try await transport.send(request(path), options: options)
            }
            let firstResponse = try await get("/first")
            let secondResponse = try await get("/second")
            #expect(firstResponse.version == "HTTP/2")
            #expect(secondResponse.version == "HTTP/2")
            #expect(secondResponse.status == 200)
            let first = try echo(of: firstResponse), second = try echo(of: secondResponse)
            #expect(first.path == "/first")
            #expect(second.path == "/second")
            #expect(second.headers["x-probe"] == "/second")
            #expect(second.connection == first.connection)
            #expect(first.stream == 1)
            #expect(second.stream == 3)

            async let third = transport.send(request("/third"), options: options)
            async let fourth = transport.send(request("/fourth"), options: options)
            let together = try await [echo(of: third), echo(of: fourth)]
            #expect(Set(together.map(\.path)) == ["/third", "/fourth"])
            #expect(together.allSatisfy { $0.headers["x-probe"] == $0.path })
            #expect(Set(together.map(\.connection)) == [first.connection])
            #expect(Set(together.compactMap(\.stream)) == [5, 7])
        }
    }

    // MARK: Proxies

    @Test func plainHTTPGoesToTheProxyInAbsoluteForm() async throws {
        let response = try await withTransport(environment: ["HTTP_PROXY": proxy.baseURL]) { transport in
            try await transport.send(HTTPRequest(method: "GET", url: greetingURL), options: insecure)
        }
        #expect(response.status == 200)
        #expect(String(decoding: response.body, as: UTF8.self) == greeting)
        #expect(response.headers["Via"] == "1.1 test-proxy")
        #expect(try proxyLog() == ["GET \(greetingURL) HTTP/1.1"])
    }

    @Test func httpsGoesThroughACONNECTTunnelAndStillGetsHTTP2() async throws {
        let response = try await withTransport(environment: ["HTTPS_PROXY": proxy.baseURL]) { transport in
            try await transport.send(
                HTTPRequest(method: "GET", url: "\(h2Origin)/tunnelled", headers: ["X-Probe": "through the tunnel"]),
                options: insecure)
        }
        #expect(response.status == 200)
        #expect(response.version == "HTTP/2")
        let echo = try echo(of: response)
        #expect(echo.protocol == "h2")
        #expect(echo.path == "/tunnelled")
        #expect(echo.authority == "127.0.0.1:\(h2.port)")
        #expect(echo.headers["x-probe"] == "through the tunnel")
        #expect(try proxyLog() == ["CONNECT 127.0.0.1:\(h2.port) HTTP/1.1"])
    }

    /// TLS inside the tunnel is with the origin, which here speaks only HTTP/1: the origin's certificate is
    /// the one checked, trusted through its CA and refused without it.
    @Test func anHTTP1OriginThroughTheTunnelHasItsCertificateChecked() async throws {
        let origin = try PeerServer(python: [Self.peer("tls_server.py"), "--port", "{port}", "--dir", folder.path])
        let url = "https://127.0.0.1:\(origin.port)/"
        let trust = SendOptions(timeout: .seconds(20), caCertificatePath: caCertificate)
        let (response, refusal) = try await withTransport(environment: ["HTTPS_PROXY": proxy.baseURL]) { transport in
            let trusted = try await transport.send(HTTPRequest(method: "GET", url: url), options: trust)
            do {
                let answer = try await transport.send(HTTPRequest(method: "GET", url: url), options: SendOptions(timeout: .seconds(20)))
                Issue.record("an untrusted certificate behind a proxy was accepted: \(answer.status)")
                return (trusted, nil as TransportError?)
            } catch let error as TransportError {
                return (trusted, error)
            }
        }
        #expect(response.status == 200)
        #expect(response.version == "HTTP/1.0")
        #expect(String(decoding: response.body, as: UTF8.self) == #"{"tls": true}"#)
        if let refusal {
            guard case .tls = refusal.cause else {
                Issue.record("expected a TLS failure, got \(refusal)")
                return
            }
            #expect(refusal.description.hasPrefix("TLS handshake with 127.0.0.1:\(origin.port) failed: certificate verify failed"))
        }
        let connect = "CONNECT 127.0.0.1:\(origin.port) HTTP/1.1"
        #expect(try proxyLog() == [connect, connect])
    }

    @Test func noProxySendsStraightToTheOrigin() async throws {
        let proxies = ["HTTP_PROXY": proxy.baseURL, "HTTPS_PROXY": proxy.baseURL]
        let bypassing = proxies.merging(["NO_PROXY": "127.0.0.1"]) { $1 }
        let (plainResponse, secureResponse) = try await withTransport(environment: bypassing) { transport in
            (try await transport.send(HTTPRequest(method: "GET", url: greetingURL), options: insecure),
             try await transport.send(HTTPRequest(method: "GET", url: "\(h2Origin)/direct"), options: insecure))
        }
        #expect(plainResponse.status == 200)
        #expect(String(decoding: plainResponse.body, as: UTF8.self) == greeting)
        #expect(plainResponse.headers["Via"] == nil)
        #expect(secureResponse.version == "HTTP/2")
        #expect(try echo(of: secureResponse).path == "/direct")
        #expect(try proxyLog() == [])

        // The same variables without NO_PROXY do reach the proxy: the empty log is not a dead proxy's.
        let proxied = try await withTransport(environment: proxies) { transport in
            try await transport.send(HTTPRequest(method: "GET", url: greetingURL), options: insecure)
        }
        #expect(proxied.headers["Via"] == "1.1 test-proxy")
        #expect(try proxyLog() == ["GET \(greetingURL) HTTP/1.1"])
    }
}

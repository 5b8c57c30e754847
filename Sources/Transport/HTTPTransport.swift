import AsyncHTTPClient
import Foundation
import HTTPExchange
import NIOCore
import NIOHTTP1
import NIOSSL
import Synchronization
import Workspace

/// Puts requests on the wire with async-http-client. Redirects are followed here rather than inside
/// the client so that each hop gets the cookie jar's cookies and credentials never follow a request to
/// another host.
public final class HTTPTransport: HTTPSending {
    private let clients = Mutex<[ClientKey: HTTPClient]>([:])
    private let cookieJar: CookieJar?
    private let proxies: ProxySettings

    public init(cookieJar: CookieJar? = nil, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.cookieJar = cookieJar
        self.proxies = ProxySettings(environment: environment)
    }

    public func send(_ request: HTTPRequest, options: SendOptions) async throws -> HTTPResponse {
        let clock = ContinuousClock()
        let start = clock.now
        let deadline = options.timeout.map { NIODeadline.now() + TimeAmount($0) }
        var current = request
        var redirects: [HTTPResponse.RedirectHop] = []
        while true {
            guard let url = RequestURL(current.url) else { throw TransportError(host: current.url, cause: .invalidURL) }
            // A header expanded from a template was never checked; the HTTP stack traps on an invalid one.
            for field in current.headers {
                do { try HTTPFieldSyntax.check(name: field.name, value: field.value) } catch {
                    throw TransportError(host: url.host, cause: .invalidHeader(error.description))
                }
            }
            var (response, next) = try await exchange(current, url: url, options: options, deadline: deadline)
            guard let next else {
                response.elapsed = clock.now - start
                response.redirects = redirects
                return response
            }
            redirects.append(HTTPResponse.RedirectHop(
                version: response.version, status: response.status, reason: response.reason,
                location: response.headers["Location"] ?? ""))
            guard redirects.count <= options.maxRedirects else {
                throw TransportError(host: url.host, cause: .tooManyRedirects(options.maxRedirects))
            }
            current = next
        }
    }

    /// Closes every connection; call once when done.
    public func shutdown() async {
        let all = clients.withLock { clients in
            defer { clients.removeAll() }
            return Array(clients.values)
        }
        for client in all { try? await client.shutdown() }
    }

    /// One request and its answer; the request to send next when the answer is a redirect to follow,
    /// whose body is then read and dropped.
    private func exchange(
        _ request: HTTPRequest, url: RequestURL, options: SendOptions, deadline: NIODeadline?
    ) async throws -> (HTTPResponse, next: HTTPRequest?) {
        // Foundation's URL parsing (inside the client) re-escapes every `%` of a string it finds invalid,
        // which would send `%2525`; a valid URL goes through untouched.
        var outgoing = HTTPClientRequest(url: PercentEncoding.normalizedURL(request.url))
        outgoing.method = HTTPMethod(rawValue: request.method)
        for field in request.headers { outgoing.headers.add(name: field.name, value: field.value) }
        if !request.headers.contains("Accept-Encoding") { outgoing.headers.add(name: "Accept-Encoding", value: "gzip, deflate") }
        let now = Date().timeIntervalSince1970
        if !request.headers.contains("Cookie"), let cookies = cookieJar?.header(for: url, now: now) {
            outgoing.headers.add(name: "Cookie", value: cookies)
        }
        let encoded = try BodyEncoder.encode(request.body, host: url.host)
        if let contentType = encoded.contentType, !request.headers.contains("Content-Type") {
            outgoing.headers.add(name: "Content-Type", value: contentType)
        }
        if let bytes = encoded.bytes { outgoing.body = .bytes(ByteBuffer(bytes: bytes)) }

        let client = try client(for: url, options: options)
        let timeout = deadline.map { $0 - .now() } ?? .hours(24)
        do {
            let answer = try await client.execute(outgoing, timeout: timeout)
            var headers = HTTPExchange.HTTPHeaders()
            for (name, value) in answer.headers { headers.add(name, value) }
            cookieJar?.store(setCookieHeaders: headers.values("Set-Cookie"), from: url, now: now)
            var response = HTTPResponse(
                version: Self.versionText(answer.version), status: Int(answer.status.code),
                reason: Self.reasonPhrase(answer), headers: headers, body: [], url: request.url, elapsed: .zero)
            let next = try options.followRedirects ? RedirectPolicy.next(after: request, response: response) : nil
            let limit = BodyLimit(bytes: options.maxBodySize, decompressed: headers.contains("Content-Encoding"))
            if next != nil {
                try await Self.drain(answer.body, limit: limit)
            } else if let path = options.bodyFile {
                let file: AtomicFileWriter
                do {
                    file = try AtomicFileWriter(path: path)
                    for try await chunk in answer.body {
                        try chunk.withUnsafeReadableBytes { buffer in try file.write(buffer) }
                    }
                    try file.finish()
                } catch let error as FileError {
                    throw TransportError.Cause.cannotSave(path: path, reason: error.reason)
                }
                response.savedBody = HTTPResponse.SavedBody(path: path, size: file.size)
            } else {
                response.body = try await Self.collect(answer.body, limit: limit)
            }
            return (response, next)
        } catch is CancellationError {
            throw CancellationError()
        } catch let error as TransportError {
            throw error
        } catch let cause as TransportError.Cause {
            throw TransportError(host: Self.hostAndPort(url), cause: cause)
        } catch {
            throw TransportError.classify(error, url: url, options: options)
        }
    }

    /// The body in memory, refused past the limit as it arrives rather than once it is all there.
    private static func collect(_ body: HTTPClientResponse.Body, limit: BodyLimit) async throws -> [UInt8] {
        var bytes: [UInt8] = []
        for try await chunk in body {
            guard bytes.count + chunk.readableBytes <= limit.bytes else { throw TransportError.Cause.bodyTooLarge(limit) }
            bytes.append(contentsOf: chunk.readableBytesView)
        }
        return bytes
    }

    /// Reads a body nobody will see, so the connection can serve again; an endless one is cut at the limit.
    private static func drain(_ body: HTTPClientResponse.Body, limit: BodyLimit) async throws {
        var count = 0
        for try await chunk in body {
            count += chunk.readableBytes
            guard count <= limit.bytes else { throw TransportError.Cause.bodyTooLarge(limit) }
        }
    }

    static func hostAndPort(_ url: RequestURL) -> String {
        url.port.map { "\(url.host):\($0)" } ?? url.host
    }

    private func client(for url: RequestURL, options: SendOptions) throws -> HTTPClient {
        let key = ClientKey(
            insecure: options.insecure, caCertificatePath: options.caCertificatePath,
            proxy: proxies.proxy(for: url), connectTimeout: options.connectTimeout, idleTimeout: options.idleTimeout)
        return try clients.withLock { clients in
            if let existing = clients[key] { return existing }
            var configuration = HTTPClient.Configuration()
            var tls = TLSConfiguration.makeClientConfiguration()
            if options.insecure { tls.certificateVerification = .none }
            if let path = options.caCertificatePath {
                guard FileManager.default.isReadableFile(atPath: path) else {
                    throw TransportError(host: url.host, cause: .tls("cannot read CA certificate file '\(path)'"))
                }
                tls.trustRoots = .file(path)
            }
            configuration.tlsConfiguration = tls
            configuration.redirectConfiguration = .disallow
            configuration.http1_1ConnectionDebugInitializer = ReasonPhraseRecorder.install
            // Decompressed bytes are counted against the body limit as they arrive (see `collect`).
            configuration.decompression = .enabled(limit: .none)
            // A refused or unresolvable host is an answer, given at once rather than retried until the
            // connect timeout.
            configuration.connectionPool.retryConnectionEstablishment = false
            // No tracer is ever installed; the client's default still builds a span's attributes
            // (parsing the URL again) for every request.
            configuration.tracing.tracer = nil
            configuration.timeout = .init(connect: key.connectTimeout.map(TimeAmount.init), read: key.idleTimeout.map(TimeAmount.init))
            if let proxy = key.proxy { configuration.proxy = .server(host: proxy.host, port: proxy.port) }
            let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
            clients[key] = client
            return client
        }
    }

    /// As the server sent it (see ``ReasonPhraseRecorder``); HTTP/2 has none, so none is made up.
    private static func reasonPhrase(_ answer: HTTPClientResponse) -> String {
        answer.version.major >= 2 ? "" : answer.status.reasonPhrase
    }

    private static func versionText(_ version: HTTPVersion) -> String {
        version.major == 2 ? "HTTP/2" : "HTTP/\(version.major).\(version.minor)"
    }
}

struct ClientKey: Hashable {
    var insecure: Bool
    var caCertificatePath: String?
    var proxy: ProxySettings.Proxy?
    var connectTimeout: Duration?
    var idleTimeout: Duration?
}

extension TimeAmount {
    init(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        self = .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}

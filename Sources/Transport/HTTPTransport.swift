import Foundation
import HTTPExchange
import NIOCore
import NIOHTTP1
import Workspace

/// Puts requests on the wire over SwiftNIO: HTTP/1.1 on kept-alive connections, HTTP/2 when a server
/// offers it over TLS. Redirects are followed here so that each hop gets the cookie jar's cookies and
/// credentials never follow a request to another host.
public final class HTTPTransport: HTTPSending {
    private let pool = ConnectionPool()
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
        await pool.shutdown()
    }

    /// One request and its answer; the request to send next when the answer is a redirect to follow,
    /// whose body is then read and dropped.
    private func exchange(
        _ request: HTTPRequest, url: RequestURL, options: SendOptions, deadline: NIODeadline?
    ) async throws -> (HTTPResponse, next: HTTPRequest?) {
        let key = ConnectionKey(
            scheme: url.scheme, host: Self.addressHost(url), port: url.effectivePort, proxy: proxies.proxy(for: url),
            tls: TLSSettings(insecure: options.insecure, caCertificatePath: options.caCertificatePath),
            connectTimeout: options.connectTimeout)
        let now = Date().timeIntervalSince1970
        do {
            let outgoing = try outgoingRequest(request, url: url, key: key, now: now)
            let limits = ExchangeLimits(idleTimeout: options.idleTimeout, deadline: deadline)
            let received = try await send(outgoing, key: key, limits: limits) { head in
                let limit = BodyLimit(bytes: options.maxBodySize, decompressed: head.headers.contains(name: "Content-Encoding"))
                if options.followRedirects, RedirectPolicy.statuses.contains(Int(head.status.code)),
                    try RedirectPolicy.next(after: request, response: Self.response(to: request, head: head)) != nil
                {
                    return BodySink(.discard, limit: limit)
                }
                guard let path = options.bodyFile else { return BodySink(.memory, limit: limit) }
                do throws(FileError) {
                    return BodySink(.file(try AtomicFileWriter(path: path)), limit: limit)
                } catch {
                    throw TransportError.Cause.cannotSave(path: path, reason: error.reason)
                }
            }
            var response = Self.response(to: request, head: received.head)
            cookieJar?.store(setCookieHeaders: response.headers.values("Set-Cookie"), from: url, now: now)
            response.body = received.body
            response.savedBody = received.savedBody
            let next = try options.followRedirects ? RedirectPolicy.next(after: request, response: response) : nil
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

    /// Sends on a kept-alive connection when there is one; a server may close an idle connection just as a
    /// request goes out on it, and then the request is sent once more on a new one.
    private func send(
        _ outgoing: OutgoingRequest, key: ConnectionKey, limits: ExchangeLimits, avoidingIdle: Bool = false,
        chooseSink: @escaping BodySinkChoice
    ) async throws -> ReceivedResponse {
        let (connection, reused) = try await pool.connection(for: key, fresh: avoidingIdle, deadline: limits.deadline)
        do {
            let received = try await connection.exchange(outgoing, limits: limits, chooseSink: chooseSink)
            pool.release(connection, reusable: received.head.isKeepAlive && outgoing.head.isKeepAlive)
            return received
        } catch is UnansweredOnClosedConnection where reused {
            return try await send(outgoing, key: key, limits: limits, avoidingIdle: true, chooseSink: chooseSink)
        } catch is UnansweredOnClosedConnection {
            throw TransportError.Cause.connectionClosed
        }
    }

    private func outgoingRequest(_ request: HTTPRequest, url: RequestURL, key: ConnectionKey, now: Double) throws -> OutgoingRequest {
        // A URL is sent as written when it is valid; only what may not appear in a request line is escaped.
        let normalized = PercentEncoding.normalizedURL(request.url)
        var target = Substring(URLText(normalized)?.rest ?? "/")
        if let hash = target.utf8.firstIndex(of: UInt8(ascii: "#")) { target = target[..<hash] }
        if target.utf8.first != UInt8(ascii: "/") { target = "/" + target }
        // A plain-HTTP request through a proxy names its whole URL; a tunnelled one is sent as to the origin.
        let uri = key.proxy != nil && !key.isTLS ? url.origin + target : String(target)

        // Every field is checked as it is added, the request's own (a header expanded from a template was
        // never checked) and those added here (a Host from a URL, a stored cookie): NIO traps on a name that
        // is not ASCII, and the HTTP/1 pipeline runs no validator of its own.
        var headers = NIOHTTP1.HTTPHeaders()
        func add(_ name: String, _ value: String) throws {
            do { try HTTPFieldSyntax.check(name: name, value: value) } catch {
                throw TransportError(host: url.host, cause: .invalidHeader(error.description))
            }
            headers.add(name: name, value: value)
        }
        if !request.headers.contains("Host") { try add("Host", url.authority) }
        for field in request.headers { try add(field.name, field.value) }
        if !request.headers.contains("Accept-Encoding") { try add("Accept-Encoding", "gzip, deflate") }
        if !request.headers.contains("Cookie"), let cookies = cookieJar?.header(for: url, now: now) {
            try add("Cookie", cookies)
        }
        let encoded = try BodyEncoder.encode(request.body, host: url.host)
        if let contentType = encoded.contentType, !request.headers.contains("Content-Type") {
            try add("Content-Type", contentType)
        }
        // A length is always given, so that nothing is sent chunked and an empty POST says it is empty.
        let bodyless = switch request.method.uppercased() {
        case "GET", "HEAD", "DELETE", "OPTIONS", "TRACE", "CONNECT": true
        default: false
        }
        if !request.headers.contains("Content-Length"), !request.headers.contains("Transfer-Encoding"),
            encoded.bytes != nil || !bodyless
        {
            try add("Content-Length", String(encoded.bytes?.count ?? 0))
        }
        let head = HTTPRequestHead(version: .http1_1, method: HTTPMethod(rawValue: request.method), uri: uri, headers: headers)
        return OutgoingRequest(head: head, body: encoded.bytes.map { ByteBuffer(bytes: $0) })
    }

    private static func response(to request: HTTPRequest, head: HTTPResponseHead) -> HTTPResponse {
        var headers = HTTPExchange.HTTPHeaders()
        for (name, value) in head.headers { headers.add(name, value) }
        let http2 = head.version.major >= 2
        // As the server sent it (see ``ReasonPhraseRecorder``); HTTP/2 has none, so none is made up.
        return HTTPResponse(
            version: http2 ? "HTTP/2" : "HTTP/\(head.version.major).\(head.version.minor)", status: Int(head.status.code),
            reason: http2 ? "" : head.status.reasonPhrase, headers: headers, body: [], url: request.url, elapsed: .zero)
    }

    /// The host to connect to: an IPv6 literal without its brackets.
    private static func addressHost(_ url: RequestURL) -> String {
        url.host.utf8.first == UInt8(ascii: "[") ? String(url.host.dropFirst().dropLast()) : url.host
    }

    static func hostAndPort(_ url: RequestURL) -> String {
        url.port.map { "\(url.host):\($0)" } ?? url.host
    }
}

extension TimeAmount {
    init(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        self = .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}

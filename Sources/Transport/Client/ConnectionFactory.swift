import HTTPExchange
import NIOCore
import NIOExtras
import NIOHTTP1
import NIOHTTP2
import NIOHTTPCompression
import NIOPosix
import NIOSSL
import NIOTLS

/// What a connection is for: requests to one origin, with one TLS configuration, through one proxy.
struct ConnectionKey: Hashable, Sendable {
    var scheme: String
    var host: String
    var port: Int
    var proxy: ProxySettings.Proxy?
    var tls: TLSSettings
    var connectTimeout: Duration?

    var isTLS: Bool { scheme == "https" }

    /// The name sent for SNI and checked against the certificate; an address literal is checked as an
    /// address and never sent as a name.
    var serverName: String? {
        let isAddress = host.utf8.contains(UInt8(ascii: ":"))
            || host.utf8.allSatisfy { $0 == UInt8(ascii: ".") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
        return isAddress ? nil : host
    }
}

struct TLSSettings: Hashable, Sendable {
    var insecure: Bool
    var caCertificatePath: String?
}

/// Opens connections: TCP, a CONNECT tunnel when an HTTPS origin is reached through a proxy, TLS with
/// ALPN, then the HTTP/1.1 or HTTP/2 pipeline the server chose.
enum ConnectionFactory {
    /// Ready by the key's connect timeout or by `exchangeDeadline`, whichever comes first: a whole
    /// exchange's time (`--max-time`) bounds its connecting too.
    static func connect(
        _ key: ConnectionKey, tls: NIOSSLContext?, group: any EventLoopGroup, exchangeDeadline: NIODeadline?
    ) async throws -> Connection {
        let start = NIODeadline.now()
        let deadline = [key.connectTimeout.map { start + TimeAmount($0) }, exchangeDeadline].compactMap { $0 }.min()
        // A task running on one of the loops keeps its connections there, so its exchanges stay on one thread.
        var bootstrap = ClientBootstrap(group: MultiThreadedEventLoopGroup.currentEventLoop ?? group.next())
        if let deadline { bootstrap = bootstrap.connectTimeout(max(deadline - start, .zero)) }
        let target = key.proxy.map { (host: $0.host, port: $0.port) } ?? (host: key.host, port: key.port)
        let channel = try await bootstrap.connect(host: target.host, port: target.port).get()
        do {
            let configured = channel.eventLoop.flatSubmit {
                negotiate(on: channel, key: key, tls: tls, deadline: deadline).flatMapThrowing { negotiated in
                    try configure(channel, key: key, http2: negotiated == "h2")
                }
            }
            return try await configured.get()
        } catch {
            channel.close(promise: nil)
            throw error
        }
    }

    /// The protocol the server chose by ALPN, once the channel is ready for HTTP; nil for plain HTTP.
    private static func negotiate(
        on channel: any Channel, key: ConnectionKey, tls: NIOSSLContext?, deadline: NIODeadline?
    ) -> EventLoopFuture<String?> {
        let loop = channel.eventLoop
        let started = NIODeadline.now()
        guard let tls, key.isTLS else { return loop.makeSucceededFuture(nil) }
        let tunnel = key.proxy == nil ? loop.makeSucceededVoidFuture() : openTunnel(on: channel, to: key, deadline: deadline)
        return tunnel.flatMap {
            let promise = loop.makePromise(of: String?.self)
            let watcher = HandshakeWatcher(promise: promise)
            do {
                let pipeline = channel.pipeline.syncOperations
                try pipeline.addHandler(NIOSSLClientHandler(context: tls, serverHostname: key.serverName))
                try pipeline.addHandler(watcher)
            } catch {
                promise.fail(error)
                return promise.futureResult
            }
            if let deadline {
                let watched = NIOLoopBound(watcher, eventLoop: loop)
                let timer = loop.scheduleTask(deadline: deadline) {
                    watched.value.settle(.failure(ChannelError.connectTimeout(deadline - started)))
                }
                promise.futureResult.whenComplete { _ in timer.cancel() }
            }
            return promise.futureResult
        }
    }

    /// Asks the proxy for a tunnel to the origin, then takes the HTTP handlers that asked it away.
    private static func openTunnel(on channel: any Channel, to key: ConnectionKey, deadline: NIODeadline?) -> EventLoopFuture<Void> {
        let loop = channel.eventLoop
        let promise = loop.makePromise(of: Void.self)
        let encoder = HTTPRequestEncoder()
        let decoder = ByteToMessageHandler(HTTPResponseDecoder(leftOverBytesStrategy: .forwardBytes))
        let connect = NIOHTTP1ProxyConnectHandler(
            targetHost: key.host, targetPort: key.port, headers: [:], deadline: deadline ?? .distantFuture, promise: promise)
        do {
            try channel.pipeline.syncOperations.addHandlers([encoder, decoder, connect])
        } catch {
            promise.fail(error)
        }
        let handlers = NIOLoopBound((encoder, decoder), eventLoop: loop)
        // The CONNECT handler leaves by itself. TLS starts only once the other two are gone: the decoder,
        // still busy with the proxy's answer, leaves later than asked and would take the TLS handshake
        // for an HTTP request.
        return promise.futureResult.flatMap {
            let pipeline = channel.pipeline.syncOperations
            let (encoder, decoder) = handlers.value
            let removals = [loop.makePromise(of: Void.self), loop.makePromise(of: Void.self)]
            pipeline.removeHandler(decoder, promise: removals[0])
            pipeline.removeHandler(encoder, promise: removals[1])
            return EventLoopFuture.andAllSucceed(removals.map(\.futureResult), on: loop)
        }
    }

    private static func configure(_ channel: any Channel, key: ConnectionKey, http2: Bool) throws -> Connection {
        let pipeline = channel.pipeline.syncOperations
        if http2 {
            let multiplexer = try pipeline.configureHTTP2Pipeline(
                mode: .client, connectionConfiguration: .init(), streamConfiguration: .init()
            ) { pushed in pushed.close() }
            return Connection(channel: channel, key: key, channels: .http2(NIOLoopBound(multiplexer, eventLoop: channel.eventLoop)))
        }
        // Header fields are checked before a request reaches the pipeline (`HTTPTransport.outgoingRequest`).
        try pipeline.addHTTPClientHandlers(enableOutboundHeaderValidation: false)
        try ReasonPhraseRecorder.install(in: pipeline)
        try pipeline.addHandler(NIOHTTPResponseDecompressor(limit: .none))
        let receiver = ResponseReceiver()
        try pipeline.addHandler(receiver)
        return Connection(channel: channel, key: key, channels: .http1(NIOLoopBound(receiver, eventLoop: channel.eventLoop)))
    }
}

/// Waits for the TLS handshake and reports the protocol chosen by ALPN, or why the handshake failed.
final class HandshakeWatcher: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = NIOAny
    private var promise: EventLoopPromise<String?>?
    private var context: ChannelHandlerContext?

    init(promise: EventLoopPromise<String?>) {
        self.promise = promise
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let event = event as? TLSUserEvent, case .handshakeCompleted(let negotiated) = event {
            settle(.success(negotiated))
            context.pipeline.syncOperations.removeHandler(context: context, promise: nil)
        }
        context.fireUserInboundEventTriggered(event)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        settle(.failure(error))
        context.fireErrorCaught(error)
    }

    func channelInactive(context: ChannelHandlerContext) {
        settle(.failure(TransportError.Cause.connectionClosed))
        context.fireChannelInactive()
    }

    /// The first outcome wins; a failure closes the channel.
    func settle(_ result: Result<String?, any Error>) {
        guard let promise else { return }
        self.promise = nil
        promise.completeWith(result)
        if case .failure = result { context?.close(promise: nil) }
    }
}

import HTTPExchange
import NIOCore
import NIOHTTP1

/// A response as it was received: its head, and its body unless the body went to a file or was dropped.
struct ReceivedResponse: Sendable {
    var head: HTTPResponseHead
    var body: [UInt8]
    var savedBody: HTTPResponse.SavedBody?
}

/// How long an exchange may take, as the receiver enforces it.
struct ExchangeLimits: Sendable {
    /// The longest the server may stay silent while the exchange is under way.
    var idleTimeout: Duration?
    /// When the whole exchange must be over, redirects included.
    var deadline: NIODeadline?
}

/// The connection closed before any of the answer arrived: on a kept-alive connection, the server may
/// have closed it while it was idle, and the request can go again on a new one.
struct UnansweredOnClosedConnection: Error {}

/// Picks where the body of a response goes once its head is in; called on the event loop.
typealias BodySinkChoice = @Sendable (HTTPResponseHead) throws -> BodySink

/// Hands the response of an HTTP/1 connection or of an HTTP/2 stream to the exchange waiting for it,
/// one exchange at a time, on the channel's event loop. Any failure closes the channel: what is left of
/// a response cut short cannot be told apart from the next one.
final class ResponseReceiver: ChannelInboundHandler {
    typealias InboundIn = HTTPClientResponsePart

    private final class Exchange {
        let promise: EventLoopPromise<ReceivedResponse>
        let chooseSink: BodySinkChoice
        let limits: ExchangeLimits
        var head: HTTPResponseHead?
        var sink: BodySink?
        var inInterimResponse = false
        var answered = false
        var lastRead = NIODeadline.now()
        var timers: [Scheduled<Void>] = []

        init(promise: EventLoopPromise<ReceivedResponse>, chooseSink: @escaping BodySinkChoice, limits: ExchangeLimits) {
            self.promise = promise
            self.chooseSink = chooseSink
            self.limits = limits
        }
    }

    private var exchange: Exchange?
    private var context: ChannelHandlerContext?

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
    }

    /// Starts waiting for the response to the request about to be written.
    func expect(_ promise: EventLoopPromise<ReceivedResponse>, limits: ExchangeLimits, chooseSink: @escaping BodySinkChoice) {
        guard let context, context.channel.isActive, exchange == nil else {
            promise.fail(UnansweredOnClosedConnection())
            return
        }
        let exchange = Exchange(promise: promise, chooseSink: chooseSink, limits: limits)
        self.exchange = exchange
        // Failed from outside (the task was cancelled): the half-read answer goes with its channel.
        promise.futureResult.assumeIsolated().whenFailure { [weak self] error in self?.fail(error) }
        if let deadline = limits.deadline {
            exchange.timers.append(context.eventLoop.assumeIsolated().scheduleTask(deadline: deadline) { [weak self] in
                self?.fail(TransportError.Cause.timeout)
            })
        }
        if let idle = limits.idleTimeout { watchSilence(of: exchange, for: idle) }
    }

    /// One timer per silence rather than one per read: when it fires early it waits out the rest.
    private func watchSilence(of exchange: Exchange, for idle: Duration) {
        guard let context else { return }
        exchange.timers.append(context.eventLoop.assumeIsolated().scheduleTask(deadline: exchange.lastRead + TimeAmount(idle)) { [weak self] in
            guard let self, self.exchange === exchange else { return }
            if NIODeadline.now() - exchange.lastRead >= TimeAmount(idle) {
                self.fail(TransportError.Cause.idleTimeout(idle))
            } else {
                self.watchSilence(of: exchange, for: idle)
            }
        })
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard let exchange else { return }
        exchange.lastRead = .now()
        exchange.answered = true
        do {
            switch unwrapInboundIn(data) {
            case .head(let head):
                // An interim answer (`100 Continue`, `103 Early Hints`) comes before the real one.
                exchange.inInterimResponse = (100..<200).contains(head.status.code) && head.status != .switchingProtocols
                guard !exchange.inInterimResponse else { return }
                exchange.head = head
                exchange.sink = try exchange.chooseSink(head)
            case .body(let chunk):
                try exchange.sink?.take(chunk)
            case .end:
                guard !exchange.inInterimResponse else {
                    exchange.inInterimResponse = false
                    return
                }
                guard let head = exchange.head, let sink = exchange.sink else { return }
                let saved = try sink.finish()
                finish(exchange)
                exchange.promise.succeed(ReceivedResponse(head: head, body: sink.bytes, savedBody: saved))
            }
        } catch {
            fail(error)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        failUnlessAnswered(TransportError.Cause.connectionClosed)
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        // A reset is how a kept-alive connection the server already closed answers a request.
        if error is IOError { failUnlessAnswered(error) } else { fail(error) }
    }

    /// Fails the exchange under way as unanswered when nothing of its answer came, else with this error.
    func failUnlessAnswered(_ error: any Error) {
        fail(exchange?.answered == false ? UnansweredOnClosedConnection() : error)
    }

    /// Ends the exchange under way, if any, with this error, and closes the channel.
    func fail(_ error: any Error) {
        guard let exchange else { return }
        finish(exchange)
        exchange.sink?.abandon()
        exchange.promise.fail(error)
        context?.close(promise: nil)
    }

    private func finish(_ exchange: Exchange) {
        for timer in exchange.timers { timer.cancel() }
        self.exchange = nil
    }
}

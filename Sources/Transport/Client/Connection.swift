import NIOCore
import NIOHTTP1
import NIOHTTP2
import NIOHTTPCompression

/// A request as it goes on the wire.
struct OutgoingRequest: Sendable {
    var head: HTTPRequestHead
    var body: ByteBuffer?
}

/// One open connection to an origin, directly or through a proxy: HTTP/1.1 with one exchange at a time,
/// or HTTP/2 with each exchange on a stream of its own.
final class Connection: Sendable {
    enum Channels: Sendable {
        case http1(NIOLoopBound<ResponseReceiver>)
        case http2(NIOLoopBound<NIOHTTP2Handler.StreamMultiplexer>)
    }

    let channel: any Channel
    let key: ConnectionKey
    let channels: Channels

    init(channel: any Channel, key: ConnectionKey, channels: Channels) {
        self.channel = channel
        self.key = key
        self.channels = channels
    }

    var isHTTP2: Bool {
        if case .http2 = channels { return true }
        return false
    }

    func exchange(_ request: OutgoingRequest, limits: ExchangeLimits, chooseSink: @escaping BodySinkChoice) async throws -> ReceivedResponse {
        let loop = channel.eventLoop
        let promise = loop.makePromise(of: ReceivedResponse.self)
        switch channels {
        case .http1(let receiver):
            let channel = channel
            loop.executeHere {
                Self.write(request, on: channel, receiver: receiver.value, promise: promise, limits: limits, chooseSink: chooseSink)
            }
        case .http2(let multiplexer):
            loop.executeHere {
                let stream = multiplexer.value.createStreamChannel { stream in
                    stream.eventLoop.makeCompletedFuture {
                        try stream.pipeline.syncOperations.addHandlers([
                            HTTP2FramePayloadToHTTP1ClientCodec(httpProtocol: .https),
                            NIOHTTPResponseDecompressor(limit: .none),
                            ResponseReceiver(),
                        ])
                    }
                }
                stream.whenComplete { result in
                    do {
                        let stream = try result.get()
                        let receiver = try stream.pipeline.syncOperations.handler(type: ResponseReceiver.self)
                        Self.write(request, on: stream, receiver: receiver, promise: promise, limits: limits, chooseSink: chooseSink)
                    } catch {
                        promise.fail(error)
                    }
                }
            }
        }
        return try await withTaskCancellationHandler {
            try await promise.futureResult.get()
        } onCancel: {
            promise.fail(CancellationError())
        }
    }

    /// On the channel's event loop: the receiver waits for the answer before the request leaves.
    private static func write(
        _ request: OutgoingRequest, on channel: any Channel, receiver: ResponseReceiver,
        promise: EventLoopPromise<ReceivedResponse>, limits: ExchangeLimits, chooseSink: @escaping BodySinkChoice
    ) {
        receiver.expect(promise, limits: limits, chooseSink: chooseSink)
        channel.write(HTTPClientRequestPart.head(request.head), promise: nil)
        if let body = request.body { channel.write(HTTPClientRequestPart.body(.byteBuffer(body)), promise: nil) }
        let receiver = NIOLoopBound(receiver, eventLoop: channel.eventLoop)
        channel.writeAndFlush(HTTPClientRequestPart.end(nil)).whenFailure { error in receiver.value.failUnlessAnswered(error) }
    }

    func close() {
        channel.close(promise: nil)
    }
}

extension EventLoop {
    /// At once when already on this loop (a task that prefers the loop's executor), else queued to it.
    func executeHere(_ work: @escaping @Sendable () -> Void) {
        if inEventLoop { work() } else { execute(work) }
    }
}

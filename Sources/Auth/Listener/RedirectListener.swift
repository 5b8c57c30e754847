import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A one-shot HTTP server on 127.0.0.1 that catches the browser's redirect back to apish (OAuth 2's
/// `redirect_uri`, OAuth 1's `oauth_callback`). It binds 127.0.0.1 only, answers the first request for
/// the expected path with a page telling the person they can close the tab, and stops.
final class RedirectListener: Sendable {
    let port: Int
    private let path: String
    private let channel: any Channel
    private let outcome: Outcome

    /// Binds now, so that a busy port is reported before the browser is sent anywhere.
    static func start(port: Int, path: String) async throws(AuthError) -> RedirectListener {
        let outcome = Outcome()
        let expectedPath = path.isEmpty ? "/" : path
        let bootstrap = ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(
                        RedirectHandler(expectedPath: expectedPath, outcome: outcome))
                }
            }
        do {
            let channel = try await bootstrap.bind(host: "127.0.0.1", port: port).get()
            return RedirectListener(port: port, path: expectedPath, channel: channel, outcome: outcome)
        } catch let error as IOError where error.errnoCode == EADDRINUSE {
            throw .listenerPortBusy(port: port)
        } catch {
            throw .listenerFailed("cannot listen on 127.0.0.1:\(port): \(SocketFailure.reason(error))")
        }
    }

    private init(port: Int, path: String, channel: any Channel, outcome: Outcome) {
        self.port = port
        self.path = path
        self.channel = channel
        self.outcome = outcome
    }

    /// The URL the browser was sent to (`http://127.0.0.1:PORT/path?query`), or `timedOut`.
    func redirect(timeout seconds: Int) async throws(AuthError) -> String {
        let timer = channel.eventLoop.scheduleTask(in: .seconds(Int64(seconds))) { [outcome] in
            outcome.finish(.failure(.timedOut(seconds: seconds)))
        }
        let result = await outcome.wait()
        timer.cancel()
        try? await channel.close()
        return try result.map { "http://127.0.0.1:\(port)" + $0 }.get()
    }

    func close() async {
        outcome.finish(.failure(.cancelled("the listener was closed")))
        try? await channel.close()
    }

    /// The first result wins; later redirects or a late timer are ignored.
    final class Outcome: Sendable {
        private let state = Mutex<(result: Result<String, AuthError>?, waiter: CheckedContinuation<Result<String, AuthError>, Never>?)>((nil, nil))

        func finish(_ result: Result<String, AuthError>) {
            let waiter = state.withLock { state -> CheckedContinuation<Result<String, AuthError>, Never>? in
                guard state.result == nil else { return nil }
                state.result = result
                defer { state.waiter = nil }
                return state.waiter
            }
            waiter?.resume(returning: result)
        }

        var isFinished: Bool { state.withLock { $0.result != nil } }

        func wait() async -> Result<String, AuthError> {
            await withCheckedContinuation { continuation in
                let ready = state.withLock { state -> Result<String, AuthError>? in
                    if let result = state.result { return result }
                    state.waiter = continuation
                    return nil
                }
                if let ready { continuation.resume(returning: ready) }
            }
        }
    }
}

/// Answers every request: the expected path completes the outcome, anything else (a favicon) gets 404.
private final class RedirectHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let expectedPath: String
    private let outcome: RedirectListener.Outcome
    private var head: HTTPRequestHead?

    init(expectedPath: String, outcome: RedirectListener.Outcome) {
        self.expectedPath = expectedPath
        self.outcome = outcome
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            self.head = head
        case .body:
            break
        case .end:
            guard let head else { return }
            self.head = nil
            let path = head.uri.split(separator: "?", maxSplits: 1).first.map(String.init) ?? "/"
            let matches = path == expectedPath && !outcome.isFinished
            if matches { outcome.finish(.success(head.uri)) }
            respond(context: context, version: head.version, found: matches || path == expectedPath)
        }
    }

    private func respond(context: ChannelHandlerContext, version: HTTPVersion, found: Bool) {
        let page = found
            ? "<!doctype html><meta charset=utf-8><title>apish</title><p>apish received the authorization response. You can close this tab and return to the terminal.</p>"
            : "<!doctype html><meta charset=utf-8><title>apish</title><p>Not found.</p>"
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: "text/html; charset=utf-8")
        headers.add(name: "Content-Length", value: String(page.utf8.count))
        headers.add(name: "Connection", value: "close")
        headers.add(name: "Cache-Control", value: "no-store")
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: version, status: found ? .ok : .notFound, headers: headers))), promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(string: page)))), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil))).assumeIsolated().whenComplete { _ in
            context.close(promise: nil)
        }
    }
}

import NIOCore
import NIOPosix

extension HTTPTransport {
    /// Runs Swift concurrency's tasks on the event loops that do the I/O, so that a request's task and
    /// its connection share a thread instead of handing every request and response between two pools
    /// of threads (a futex wake and an event-loop wake-up each way). Process-wide: call it once, from
    /// the main thread before any other task starts, and only for a command whose tasks never block,
    /// since a blocked task holds up the I/O of its event loop. False when it could not be installed.
    @discardableResult
    public static func runTasksOnEventLoops() -> Bool {
        NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
    }
}

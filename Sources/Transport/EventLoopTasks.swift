import NIOCore
import NIOPosix

/// Runs a task's jobs on one of the transport's event loops. A task that prefers it sends a request
/// and takes up the answer on the thread that does the connection's I/O, so an exchange costs no
/// wake-up of another thread either way. Only for tasks that never block: a blocked task holds up the
/// I/O of its event loop.
final class EventLoopTaskExecutor: TaskExecutor {
    let loop: any EventLoop

    init(loop: any EventLoop) {
        self.loop = loop
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        loop.execute { job.runSynchronously(on: executor) }
    }
}

extension HTTPTransport {
    /// One executor per event loop of the transport: tasks that send one request after another (a run's
    /// files) prefer one each, spreading over the loops.
    public static let eventLoopExecutors: [any TaskExecutor] = MultiThreadedEventLoopGroup.singleton.makeIterator()
        .map { EventLoopTaskExecutor(loop: $0) }
}

extension HTTPTransport {
    /// One event loop instead of one per core, for a process that sends one request at a time (the
    /// shell): no thread is started only to stay idle. Before the first request, once per process.
    public static func useOneEventLoop() {
        NIOSingletons.groupLoopCountSuggestion = 1
    }
}

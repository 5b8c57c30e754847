import Dispatch
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns Ctrl-C (SIGINT) into cancellation of the work in flight, so a running request stops and the shell
/// does not.
///
/// While `run` is active a SIGINT handler writes a byte to a pipe that a dispatch source watches (a plain
/// dispatch signal source does not work on Linux while SIGINT is ignored: the kernel drops an ignored
/// signal before libdispatch's signalfd sees it); afterwards the previous handler is put back (usually
/// the default, which ends the process). It is meant for the time between lines: `LineEditor.readLine`
/// does not need it, because there Ctrl-C is a key, not a signal. Calls to `run` must not overlap.
public struct InterruptWatcher: Sendable {
    /// Thrown by `run` when SIGINT arrived and the operation ended by throwing (usually CancellationError).
    public struct Interrupted: Error, Equatable, CustomStringConvertible {
        public var description: String { "interrupted" }
    }

    public init() {}

    /// Runs `operation`, cancelling it when SIGINT arrives. A value the operation still returns after
    /// the interrupt is returned; an error it throws then becomes `Interrupted`.
    public func run<T: Sendable>(_ operation: @escaping @Sendable () async throws -> T) async throws -> T {
        let pipe = InterruptPipe.shared
        pipe.drain()
        let task = Task { try await operation() }
        let flag = InterruptFlag()
        let source = DispatchSource.makeReadSource(fileDescriptor: pipe.readEnd, queue: .global())
        source.setEventHandler {
            pipe.drain()
            flag.raise()
            task.cancel()
        }
        source.resume()
        let previous = signal(SIGINT, InterruptPipe.handler)
        defer {
            signal(SIGINT, previous)
            source.cancel()
        }
        do {
            return try await withTaskCancellationHandler { try await task.value } onCancel: { task.cancel() }
        } catch {
            if flag.isRaised { throw Interrupted() }
            throw error
        }
    }
}

/// The self-pipe a signal handler can safely write to (write(2) is async-signal-safe).
private struct InterruptPipe: Sendable {
    let readEnd: Int32
    let writeEnd: Int32

    static let shared: InterruptPipe = {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { fatalError("cannot create the interrupt pipe: \(errno)") }
        for end in ends {
            _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
        }
        return InterruptPipe(readEnd: ends[0], writeEnd: ends[1])
    }()

    static let handler: @convention(c) (Int32) -> Void = { _ in
        var byte: UInt8 = 1
        _ = write(InterruptPipe.shared.writeEnd, &byte, 1)
    }

    func drain() {
        var buffer = [UInt8](repeating: 0, count: 64)
        while read(readEnd, &buffer, buffer.count) > 0 {}
    }
}

/// A flag set from the dispatch queue and read by the waiting task.
private final class InterruptFlag: Sendable {
    private let raised = Atomic<Bool>(false)

    func raise() { raised.store(true, ordering: .sequentiallyConsistent) }
    var isRaised: Bool { raised.load(ordering: .sequentiallyConsistent) }
}

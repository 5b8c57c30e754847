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
/// While `run` is active SIGINT is ignored by the process and observed through a dispatch signal source;
/// afterwards the previous disposition is restored (the default, which ends the process). It is meant
/// for the time between lines: `LineEditor.readLine` never needs it, because there Ctrl-C is a key.
/// Calls to `run` must not overlap.
public struct InterruptWatcher: Sendable {
    /// Thrown by `run` when SIGINT arrived and the operation ended by throwing (usually CancellationError).
    public struct Interrupted: Error, Equatable, CustomStringConvertible {
        public var description: String { "interrupted" }
    }

    public init() {}

    /// Runs `operation`, cancelling it when SIGINT arrives. A value the operation still returns after
    /// the interrupt is returned; an error it throws then becomes `Interrupted`.
    public func run<T: Sendable>(_ operation: @escaping @Sendable () async throws -> T) async throws -> T {
        let previous = signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        let task = Task { try await operation() }
        let flag = InterruptFlag()
        source.setEventHandler {
            flag.raise()
            task.cancel()
        }
        source.resume()
        defer {
            source.cancel()
            signal(SIGINT, previous)
        }
        do {
            return try await withTaskCancellationHandler { try await task.value } onCancel: { task.cancel() }
        } catch {
            if flag.isRaised { throw Interrupted() }
            throw error
        }
    }
}

/// A flag set from the signal source's queue and read by the waiting task.
private final class InterruptFlag: Sendable {
    private let raised = Atomic<Bool>(false)

    func raise() { raised.store(true, ordering: .sequentiallyConsistent) }
    var isRaised: Bool { raised.load(ordering: .sequentiallyConsistent) }
}

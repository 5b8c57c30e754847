#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Evaluation recurses once per schema applied, so a deeply nested instance under a recursive schema needs
/// call stack in proportion. It runs on a thread of its own with a known stack (`run`), and stops with a
/// violation when it has used all but a reserve of it: a clear error, never a stack overflow, whatever
/// thread (8 MiB main thread, 512 KiB pool thread) asked for it.
struct StackGuard {
    static let stackSize = 16 * 1024 * 1024
    /// Enough for one more level of evaluation and the violation that reports running out, in a debug build.
    static let reserve = 256 * 1024

    private let start: UInt

    /// Measures from the calling frame.
    init() {
        start = Self.currentAddress()
    }

    var isExhausted: Bool {
        let current = Self.currentAddress()
        // Stacks grow down on every platform Swift runs on.
        return start > current && start - current > UInt(Self.stackSize - Self.reserve)
    }

    private static func currentAddress() -> UInt {
        var marker: UInt8 = 0
        return withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
    }

    /// Runs `work` on a new thread with a `stackSize` stack and waits for its result; nil when no thread
    /// can be made (the caller's own stack may be too small for the budget the guard assumes).
    static func run<Result>(_ work: @escaping () -> Result) -> Result? {
        let job = Job(work)
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setstacksize(&attributes, stackSize)
        let context = Unmanaged.passRetained(job).toOpaque()
        #if canImport(Darwin)
        var thread: pthread_t?
        #else
        var thread = pthread_t()
        #endif
        guard pthread_create(&thread, &attributes, { context in
            #if canImport(Darwin)
            let job = Unmanaged<AnyJob>.fromOpaque(context).takeRetainedValue()
            #else
            guard let context else { return nil }
            let job = Unmanaged<AnyJob>.fromOpaque(context).takeRetainedValue()
            #endif
            job.execute()
            return nil
        }, context) == 0 else {
            Unmanaged<AnyJob>.fromOpaque(context).release()
            return nil
        }
        #if canImport(Darwin)
        if let thread { pthread_join(thread, nil) }
        #else
        pthread_join(thread, nil)
        #endif
        return job.result
    }

    private class AnyJob {
        func execute() {}
    }

    private final class Job<Result>: AnyJob {
        let work: () -> Result
        var result: Result?

        init(_ work: @escaping () -> Result) {
            self.work = work
        }

        override func execute() {
            result = work()
        }
    }
}

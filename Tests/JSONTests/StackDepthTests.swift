import Foundation
import JSON
import Testing

/// Every recursive operation on the deepest document `parse` accepts must fit in a 512 KiB thread
/// stack (the smallest a caller is likely to run on).
@Suite struct StackDepthTests {
    static func onSmallStack(_ body: @escaping @Sendable () -> Bool) async -> Bool {
        await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
            let thread = Thread { continuation.resume(returning: body()) }
            thread.stackSize = 512 * 1024
            thread.start()
        }
    }

    /// Objects and arrays alternating, `defaultMaxDepth` levels deep.
    static let deepest: String = {
        let pairs = JSONValue.defaultMaxDepth / 2
        return String(repeating: "{\"a\":[", count: pairs) + "1" + String(repeating: "]}", count: pairs)
    }()

    @Test func parsePrintCompareHashAndReleaseFitInTheStack() async throws {
        let ok = await Self.onSmallStack {
            guard let value = try? JSONValue.parse(Self.deepest),
                  let again = try? JSONValue.parse(value.serialized(style: .pretty))
            else { return false }
            var hasher = Hasher()
            value.hash(into: &hasher)
            return value == again && value.semanticallyEquals(again) && value.serialized() == Self.deepest
        }
        #expect(ok)
    }
}

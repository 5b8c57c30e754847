import Foundation
import JSON
import JSONPath
import Testing

/// Descendant queries over the deepest document the parser accepts fit in a 512 KiB thread stack.
@Suite struct StackDepthTests {
    @Test func descendantsOfTheDeepestDocument() async throws {
        let pairs = JSONValue.defaultMaxDepth / 2
        let text = String(repeating: "{\"a\":[", count: pairs) + "1" + String(repeating: "]}", count: pairs)
        let document = try JSONValue.parse(text)
        let query = try JSONPathQuery("$..[?@ == 1 || length(@) == 1]")
        let count = await withCheckedContinuation { (continuation: CheckedContinuation<Int, Never>) in
            let thread = Thread { continuation.resume(returning: query.evaluate(document).count) }
            thread.stackSize = 512 * 1024
            thread.start()
        }
        #expect(count == JSONValue.defaultMaxDepth)
    }

    @Test func mostNestedFilterQueryParsesAndRuns() async throws {
        let levels = 31  // with the brackets, the 32 levels of nesting a query may have
        let text = "$[?" + String(repeating: "(", count: levels) + "@.a == 1" + String(repeating: ")", count: levels) + "]"
        let document = try JSONValue.parse(#"[{"a":1},{"a":2}]"#)
        let count = await withCheckedContinuation { (continuation: CheckedContinuation<Int, Never>) in
            let thread = Thread {
                let query = try? JSONPathQuery(text)
                continuation.resume(returning: query?.evaluate(document).count ?? -1)
            }
            thread.stackSize = 512 * 1024
            thread.start()
        }
        #expect(count == 1)
        #expect(throws: JSONPathError.self) {
            try JSONPathQuery("$[?" + String(repeating: "(", count: 32) + "@.a" + String(repeating: ")", count: 32) + "]")
        }
    }
}

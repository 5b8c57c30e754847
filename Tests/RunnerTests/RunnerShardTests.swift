import Testing
@testable import Runner

@Suite struct RunnerShardTests {
    let paths = (1...40).map { "collections/suite/file\($0).hurl" }

    @Test func theShardsSplitTheSuiteWithoutOverlap() throws {
        let shards = try (1...4).map { try Shard("\($0)/4") }
        let parts = shards.map { shard in paths.filter(shard.contains) }
        #expect(parts.flatMap { $0 }.sorted() == paths.sorted())
        #expect(parts.allSatisfy { !$0.isEmpty }, "40 files spread over 4 shards: \(parts.map(\.count))")
        #expect(try Shard("1/1").contains("anything.hurl"))
    }

    @Test func aFilesShardDependsOnItsPathAlone() throws {
        // Fixed values: a file must stay in its shard from one release, machine and run to the next.
        #expect(Shard.stableHash("") == 0xcbf2_9ce4_8422_2325)
        #expect(Shard.stableHash("a") == 0xaf63_dc4c_8601_ec8c)
        let shard = try Shard("2/3")
        #expect(shard.contains("./x/a.hurl") == shard.contains("x/a.hurl"))
    }

    @Test(arguments: ["0/2", "3/2", "1/0", "1", "a/b", "1/2/3", ""])
    func malformedShardsAreRefused(_ text: String) {
        #expect(throws: RunFailure.self) { try Shard(text) }
    }
}

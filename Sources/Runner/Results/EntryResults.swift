/// A file's entry results in order, with the counts the reports and exit codes need at hand. The
/// runner keeps them in an ``EntrySpool`` (a temporary file) so that memory stays flat however many
/// entries a file has; results built in memory (and any the spool could not take) are kept as given.
public struct EntryResults: Sequence, Sendable {
    private let spool: EntrySpool?
    private let kept: [EntryResult]
    public let count: Int
    /// Entries that did not pass: a runtime failure or a failed assert.
    public let failedCount: Int
    /// Entries stopped by a runtime failure.
    public let runtimeFailureCount: Int
    /// Entries that got a response.
    public let responseCount: Int

    public init(_ entries: [EntryResult] = []) {
        self.init(spool: nil, kept: entries, counts: entries.reduce(into: Counts()) { $0.add($1) })
    }

    private init(spool: EntrySpool?, kept: [EntryResult], counts: Counts) {
        self.spool = spool
        self.kept = kept
        count = counts.entries
        failedCount = counts.failed
        runtimeFailureCount = counts.runtimeFailures
        responseCount = counts.responses
    }

    public var isEmpty: Bool { count == 0 }

    public var passed: Bool { failedCount == 0 }

    /// Results held in memory rather than spooled: those built in memory, or any the spool refused.
    var keptInMemory: Int { kept.count }

    public func makeIterator() -> Iterator {
        Iterator(spooled: spool.map(EntrySpool.Reader.init), kept: kept.makeIterator())
    }

    public struct Iterator: IteratorProtocol {
        fileprivate var spooled: EntrySpool.Reader?
        fileprivate var kept: IndexingIterator<[EntryResult]>

        public mutating func next() -> EntryResult? {
            if let entry = spooled?.next() { return entry }
            spooled = nil
            return kept.next()
        }
    }

    private struct Counts {
        var entries = 0, failed = 0, runtimeFailures = 0, responses = 0

        mutating func add(_ entry: EntryResult) {
            entries += 1
            if !entry.passed { failed += 1 }
            if entry.failure != nil { runtimeFailures += 1 }
            if entry.response != nil { responses += 1 }
        }
    }

    /// Collects a file's results as its entries finish: into a spool, or memory when no temporary
    /// file can be written.
    final class Builder {
        private let writer: EntrySpool.Writer?
        private var kept: [EntryResult] = []
        private var counts = Counts()

        init(fileName: String) {
            writer = EntrySpool.writer(fileName: fileName)
        }

        func append(_ entry: EntryResult) {
            counts.add(entry)
            guard let writer else { return kept.append(entry) }
            kept += writer.append(entry)
        }

        /// A spool that failed part-way holds the entries before `kept`, in order.
        func finish() -> EntryResults {
            guard let writer else { return EntryResults(spool: nil, kept: kept, counts: counts) }
            let (spool, unwritten) = writer.finish()
            return EntryResults(spool: spool, kept: kept + unwritten, counts: counts)
        }
    }
}

extension EntryResults: ExpressibleByArrayLiteral {
    public init(arrayLiteral entries: EntryResult...) {
        self.init(entries)
    }
}

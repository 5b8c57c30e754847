/// A file's entry results in order, with the counts the reports and exit codes need at hand. The
/// runner keeps them in an ``EntrySpool`` (a temporary file) so that memory stays flat however many
/// entries a file has; results built in memory (and any the spool could not take) are kept as given.
/// A run that writes no report keeps only the entries that did not pass; the counts cover them all.
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

    /// Collects a file's results as its entries finish: into a spool, opened for the first entry kept,
    /// or memory when no temporary file can be written.
    final class Builder {
        private let fileName: String
        private let keepsPassed: Bool
        private var spooling: Spooling = .notOpened
        private var kept: [EntryResult] = []
        private var counts = Counts()

        private enum Spooling {
            case notOpened
            case open(EntrySpool.Writer)
            case unavailable
        }

        init(fileName: String, keepsPassed: Bool = true) {
            self.fileName = fileName
            self.keepsPassed = keepsPassed
        }

        func append(_ entry: EntryResult) {
            counts.add(entry)
            guard keepsPassed || !entry.passed else { return }
            if case .notOpened = spooling {
                spooling = EntrySpool.writer(fileName: fileName).map(Spooling.open) ?? .unavailable
            }
            guard case .open(let writer) = spooling else { return kept.append(entry) }
            kept += writer.append(entry)
        }

        /// A spool that failed part-way holds the entries before `kept`, in order.
        func finish() -> EntryResults {
            guard case .open(let writer) = spooling else { return EntryResults(spool: nil, kept: kept, counts: counts) }
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

import Foundation
import HTTPExchange
import Hurl

/// Runs Hurl files against a transport: each file's entries in order with their own variables,
/// files in parallel up to `configuration.jobs`.
public struct HurlRunner: Sendable {
    public let transport: any HTTPSending
    public let configuration: RunConfiguration

    public init(transport: any HTTPSending, configuration: RunConfiguration = RunConfiguration()) {
        self.transport = transport
        self.configuration = configuration
    }

    /// Runs a parsed file. `directory` is where its `file,…;` paths are relative to; `row` is the data
    /// row of a data-driven run, whose values go over the run's variables and whose number names the
    /// result (`file.hurl [row 3]`). A failed entry stops the file unless `continueOnError`.
    public func run(_ file: HurlFile, directory: String? = nil, row: DataRow? = nil,
                    onEntryFinished: (@Sendable (EntryResult) -> Void)? = nil) async -> FileResult {
        var entries = file.entries.makeIterator()
        return await run(file.fileName, warnings: file.warnings, directory: directory, row: row, onEntryFinished: onEntryFinished) {
            entries.next()
        }.file
    }

    /// Reads and runs the file at `path`, for one data row when given. As Hurl does, the whole file is
    /// parsed before its first request is sent, and a file that does not parse sends none. A small file's
    /// entries are then run as parsed; a larger one is read a second time, entry by entry as they run,
    /// so it is never held whole.
    public func run(path: String, row: DataRow? = nil, onEntryFinished: (@Sendable (EntryResult) -> Void)? = nil) async -> FileResult {
        let name = row.map { "\(path) [row \($0.number)]" } ?? path
        let file: ChunkedFile
        do {
            file = try ChunkedFile(path: path)
        } catch {
            return FileResult(fileName: name, readError: Self.readError(path, error))
        }
        let keepsEntries = file.size.map { $0 <= Self.heldFileSize } ?? false
        var checking = file.entries(fileName: path)
        var parsed: [HurlEntry] = []
        do throws(HurlEntryReader.Failure) {
            while let entry = try checking.next() {
                if keepsEntries { parsed.append(entry) }
            }
        } catch {
            return failed(name, path: path, reading: error, file: file)
        }
        if let readError = file.readError { return FileResult(fileName: name, readError: Self.readError(path, readError)) }
        if keepsEntries {
            var entries = parsed.makeIterator()
            parsed = []
            return await run(path, warnings: checking.warnings, directory: (path as NSString).deletingLastPathComponent, row: row,
                             onEntryFinished: onEntryFinished) { entries.next() }.file
        }
        var reading = file.entries(fileName: path)
        var result = await run(path, warnings: checking.warnings, directory: (path as NSString).deletingLastPathComponent, row: row,
                               onEntryFinished: onEntryFinished) { () throws(HurlEntryReader.Failure) in try reading.next() }
        if let failure = result.failure {
            // The file changed between the two readings.
            let changed = failed(name, path: path, reading: failure, file: file)
            result.file.parseError = changed.parseError
            result.file.readError = changed.readError
        }
        return result.file
    }

    /// Files up to this size are parsed once: their entries take a few megabytes at most.
    static let heldFileSize: UInt64 = 256 * 1024

    private func failed(_ name: String, path: String, reading failure: HurlEntryReader.Failure, file: ChunkedFile) -> FileResult {
        if let readError = file.readError { return FileResult(fileName: name, readError: Self.readError(path, readError)) }
        switch failure {
        case .parse(let error): return FileResult(fileName: name, parseError: error)
        case .notUTF8: return FileResult(fileName: name, readError: "cannot read \(path): it is not UTF-8 text")
        }
    }

    private static func readError(_ path: String, _ error: any Error) -> String {
        "cannot read \(path): \(error.localizedDescription)"
    }

    /// Runs entries as `next` gives them, keeping each result in the file's ``EntryResults`` as it
    /// finishes; stops at a failure of `next`.
    private func run(
        _ name: String, warnings: [HurlParseWarning], directory: String?, row: DataRow?, onEntryFinished: (@Sendable (EntryResult) -> Void)?,
        next: () throws(HurlEntryReader.Failure) -> HurlEntry?
    ) async -> (file: FileResult, failure: HurlEntryReader.Failure?) {
        let clock = ContinuousClock()
        let start = clock.now
        // Each run of a file starts from the run's variables alone, so nothing captured under one row
        // is seen by the next.
        var variables = VariableStore(configuration.variables.merging(row?.values ?? [:]) { $1 }, secretNames: configuration.secretNames)
        variables.missingHints = configuration.missingVariableHints
        let fileName = row.map { "\(name) [row \($0.number)]" } ?? name
        let runner = EntryRunner(transport: transport, configuration: configuration, fileName: fileName, directory: directory)
        let entries = EntryResults.Builder(fileName: fileName, keepsPassed: configuration.keepsPassedEntries)
        var failure: HurlEntryReader.Failure?
        var index = 0
        while !Task.isCancelled {
            let entry: HurlEntry
            do throws(HurlEntryReader.Failure) {
                guard let next = try next() else { break }
                entry = next
            } catch {
                failure = error
                break
            }
            index += 1
            let result = await runner.run(entry, index: index, variables: &variables)
            entries.append(result)
            onEntryFinished?(result)
            if !result.passed, !configuration.continueOnError { break }
        }
        return (FileResult(fileName: fileName, entries: entries.finish(), duration: clock.now - start, warnings: warnings), failure)
    }

    /// Runs every file (once per data row in a data-driven run: all files for row 1, then for row 2,
    /// as Newman's iterations), `configuration.jobs` at a time, and reports each as it finishes.
    /// Results keep that order. With `failFast`, no file starts after one has failed.
    /// `onEntryFinished` hears of each entry as it finishes (entries of files run at once interleave).
    public func run(paths: [String], onFileFinished: (@Sendable (FileResult) -> Void)? = nil,
                    onEntryFinished: (@Sendable (EntryResult) -> Void)? = nil) async -> RunResult {
        let clock = ContinuousClock()
        let start = clock.now
        let rows: [DataRow?] = configuration.dataRows.map { rows in rows.enumerated().map { DataRow(number: $0.offset + 1, values: $0.element) } } ?? [nil]
        let units = rows.flatMap { row in paths.map { (path: $0, row: row) } }
        var results = [FileResult?](repeating: nil, count: units.count)
        await withTaskGroup(of: (Int, FileResult).self) { group in
            var next = 0
            var stopped = false
            func startNext() {
                guard next < units.count, !stopped else { return }
                let index = next
                let unit = units[index]
                next += 1
                let executor = configuration.executors.isEmpty ? nil : configuration.executors[index % configuration.executors.count]
                group.addTask(executorPreference: executor) {
                    (index, await self.run(path: unit.path, row: unit.row, onEntryFinished: onEntryFinished))
                }
            }
            for _ in 0..<max(1, configuration.jobs) { startNext() }
            while let (index, result) = await group.next() {
                results[index] = result
                onFileFinished?(result)
                if !result.passed, configuration.failFast { stopped = true }
                startNext()
            }
        }
        return RunResult(files: results.compactMap { $0 }, duration: clock.now - start)
    }
}

/// One row of a data-driven run: its 1-based number and its values.
public struct DataRow: Sendable {
    public let number: Int
    public let values: [String: RunValue]

    public init(number: Int, values: [String: RunValue]) {
        self.number = number
        self.values = values
    }
}

/// Finds the Hurl files a run is given: files as named, folders searched for `*.hurl` in name order.
public enum HurlFileCollector {
    public static func collect(_ paths: [String]) throws(RunFailure) -> [String] {
        var files: [String] = []
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw RunFailure("no such file or folder: \(path)")
            }
            guard isDirectory.boolValue else {
                files.append(path)
                continue
            }
            guard let enumerator = manager.enumerator(atPath: path) else { throw RunFailure("cannot read folder \(path)") }
            let found = enumerator.compactMap { $0 as? String }.filter { $0.hasSuffix(".hurl") }.sorted()
            files += found.map { (path as NSString).appendingPathComponent($0) }
        }
        return files
    }
}

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

    /// Runs a parsed file. `directory` is where its `file,…;` paths are relative to.
    /// A failed entry stops the file unless `continueOnError`.
    public func run(_ file: HurlFile, directory: String? = nil) async -> FileResult {
        let clock = ContinuousClock()
        let start = clock.now
        var variables = VariableStore(configuration.variables, secretNames: configuration.secretNames)
        variables.missingHints = configuration.missingVariableHints
        let runner = EntryRunner(transport: transport, configuration: configuration, fileName: file.fileName, directory: directory)
        var entries: [EntryResult] = []
        for (index, entry) in file.entries.enumerated() {
            if Task.isCancelled { break }
            let result = await runner.run(entry, index: index + 1, variables: &variables)
            entries.append(result)
            if !result.passed, !configuration.continueOnError { break }
        }
        return FileResult(fileName: file.fileName, entries: entries, duration: clock.now - start, warnings: file.warnings)
    }

    /// Reads, parses and runs the file at `path`.
    public func run(path: String) async -> FileResult {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            return FileResult(fileName: path, readError: "cannot read \(path): \(error.localizedDescription)")
        }
        do {
            let file = try HurlParser.parse(text, fileName: path)
            return await run(file, directory: (path as NSString).deletingLastPathComponent)
        } catch {
            return FileResult(fileName: path, parseError: error)
        }
    }

    /// Runs every file, `configuration.jobs` at a time, and reports each as it finishes. Results
    /// keep the order of `paths`. With `failFast`, no file starts after one has failed.
    public func run(paths: [String], onFileFinished: (@Sendable (FileResult) -> Void)? = nil) async -> RunResult {
        let clock = ContinuousClock()
        let start = clock.now
        var results = [FileResult?](repeating: nil, count: paths.count)
        await withTaskGroup(of: (Int, FileResult).self) { group in
            var next = 0
            var stopped = false
            func startNext() {
                guard next < paths.count, !stopped else { return }
                let index = next
                let path = paths[index]
                next += 1
                group.addTask { (index, await self.run(path: path)) }
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

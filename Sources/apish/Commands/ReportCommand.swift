import ArgumentParser
import Foundation
import Runner

/// `apish report`: work on reports that runs wrote.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Work on the reports of runs.",
        subcommands: [ReportMergeCommand.self]
    )
}

/// `apish report merge A.xml B.xml …`: one JUnit report from the shards of a run.
struct ReportMergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge JUnit XML reports into one, written to standard output.",
        discussion: """
            Meant for the shards of a run (apish run --shard K/N --report-junit shard-K.xml): test suites \
            of the same name become one suite whose counts and time are the sums, so the merged report is \
            the one an unsharded run writes; suites of other names are kept beside it.
            """
    )

    @Argument(help: "JUnit XML reports.")
    var files: [String]

    func run() throws {
        var documents: [(name: String, text: String)] = []
        for file in files {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
                FileHandle.standardError.write(Data("apish report merge: cannot read \(file)\n".utf8))
                throw ExitCode(RunExitCode.usage.rawValue)
            }
            documents.append((file, text))
        }
        do {
            FileHandle.standardOutput.write(Data(try JUnitMerge.merge(documents).utf8))
        } catch {
            FileHandle.standardError.write(Data("apish report merge: \(error.message)\n".utf8))
            throw ExitCode(RunExitCode.usage.rawValue)
        }
    }
}

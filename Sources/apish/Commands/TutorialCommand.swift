import ArgumentParser
import Foundation
import Shell
import Workspace

/// `apish tutorial`: guided lessons against the built-in sandbox.
struct TutorialCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tutorial",
        abstract: "Learn HTTP auth and Mautic's API in guided lessons against the built-in sandbox.",
        discussion: """
            Each lesson explains a step, asks for a command, checks from the exchange what it did, \
            hints when it fell short and moves on. Progress is kept in the per-user state folder: \
            `apish tutorial` resumes the first unfinished lesson. A lesson is a plain-text file \
            (README: "Tutorials"); `apish tutorial FILE` runs one of yours. Lessons that sign in \
            open the consent page in $BROWSER (log in as admin / mautic).

            Exit status: 0 the lesson was completed (or left at a terminal), 4 it was not completed \
            from a script, 1 usage, 2 a lesson file that does not parse.
            """
    )

    @Argument(help: "A built-in lesson (see --list) or a lesson file; default: the first unfinished lesson.")
    var lesson: String?

    @Flag(help: "List the built-in lessons and your progress.")
    var list = false

    @Flag(help: "Forget the progress of LESSON, or of every lesson.")
    var reset = false

    @Option(help: "Port for the sandbox (0 picks a free one).")
    var port = 8181

    func run() async throws {
        let progress = TutorialProgress(state: Workspace.current().userState)
        if reset {
            progress.reset(lesson)
            print(lesson.map { "progress of '\($0)' forgotten" } ?? "progress of every lesson forgotten")
            return
        }
        if list {
            try Self.list(progress)
            return
        }
        let tutor = Tutor(lesson: try Self.load(lesson, progress: progress), progress: progress)
        let code = try await SandboxShell.run(command: "tutorial", port: port, keepGoing: true, banner: { _ in nil }) { session in
            session.tutor = tutor
            tutor.introduce(to: session.output)
        }
        try Self.finish(tutor, code: code)
    }

    /// Leaving a lesson unfinished is a failure only for a script, which cannot come back to it.
    private static func finish(_ tutor: Tutor, code: Int32) throws {
        if !tutor.finished, isatty(STDIN_FILENO) == 0 { throw ExitCode(4) }
        if code != 0, !tutor.finished { throw ExitCode(code) }
    }

    private static func list(_ progress: TutorialProgress) throws {
        for name in BuiltInLessons.names {
            let lesson = try builtIn(name)
            let done = progress.completedSteps(of: name)
            let state = done >= lesson.steps.count ? "done" : done == 0 ? "not started" : "\(done)/\(lesson.steps.count) steps"
            print("\(name.padding(toLength: 20, withPad: " ", startingAt: 0)) \(lesson.title) — \(state)")
        }
    }

    private static func load(_ name: String?, progress: TutorialProgress) throws -> Lesson {
        guard let name else {
            for candidate in BuiltInLessons.names {
                let lesson = try builtIn(candidate)
                if progress.completedSteps(of: candidate) < lesson.steps.count { return lesson }
            }
            return try builtIn(BuiltInLessons.names[0])
        }
        if BuiltInLessons.names.contains(name) { return try builtIn(name) }
        guard let data = FileManager.default.contents(atPath: name) else {
            let known = BuiltInLessons.names.joined(separator: ", ")
            throw ValidationError("'\(name)' is neither a lesson (\(known)) nor a readable lesson file")
        }
        do {
            let base = URL(fileURLWithPath: name).deletingPathExtension().lastPathComponent
            return try Lesson(name: base, text: String(decoding: data, as: UTF8.self))
        } catch {
            FileHandle.standardError.write(Data("apish tutorial: \(name):\(error)\n".utf8))
            throw ExitCode(2)
        }
    }

    private static func builtIn(_ name: String) throws -> Lesson {
        guard let lesson = try BuiltInLessons.lesson(named: name) else { throw ValidationError("no lesson '\(name)'") }
        return lesson
    }
}

import Foundation
import Workspace

/// Leads a learner through a lesson inside a shell: shows the step, lets them type, checks what the
/// line did (from the exchanges it made), hints when it fell short, and moves on; progress is kept
/// in the state folder so a lesson resumes where it was left.
public final class Tutor: @unchecked Sendable {
    public let lesson: Lesson
    let progress: TutorialProgress
    public private(set) var stepIndex: Int

    public init(lesson: Lesson, progress: TutorialProgress) {
        self.lesson = lesson
        self.progress = progress
        let done = progress.completedSteps(of: lesson.name)
        stepIndex = done >= lesson.steps.count ? 0 : done
    }

    public var finished: Bool { stepIndex >= lesson.steps.count }

    /// The lesson's title and the step to do now.
    public func introduce(to output: ShellOutput) {
        let style = output.style
        output.line(style.paint("apish tutorial — \(lesson.title)", .bold) + (lesson.summary.isEmpty ? "" : "\n\(lesson.summary)"))
        if stepIndex > 0 { output.line(style.paint("(resuming at step \(stepIndex + 1); `apish tutorial --reset` starts over)", .dim)) }
        output.line(style.paint("Type the commands the steps ask for; `help` works as usual, Ctrl-D leaves (progress is kept).", .dim))
        presentStep(to: output)
    }

    func presentStep(to output: ShellOutput) {
        guard !finished else { return }
        let style = output.style
        let step = lesson.steps[stepIndex]
        output.line()
        output.line(style.paint("── Step \(stepIndex + 1) of \(lesson.steps.count): \(step.title)", .boldCyan))
        for line in step.text { output.line(line.isEmpty ? "" : "  " + line) }
        if let command = step.command { output.line("  " + style.paint("Type: ", .bold) + command) }
    }

    /// Judges a line the learner ran, with the exchanges it made.
    func observe(line: String, exchanges: [ExchangeRecord], session: ShellSession) {
        guard !finished else { return }
        let output = session.output
        let style = output.style
        let step = lesson.steps[stepIndex]
        if let missed = step.checks.first(where: { !$0.holds(line: line, exchanges: exchanges, session: session) }) {
            output.line(style.paint("✗ Not yet: ", .boldYellow) + "this step looks for \(missed.expectation).")
            if let hint = step.hint { output.line(style.paint("  hint: ", .cyan) + hint) }
            return
        }
        output.line(style.paint("✓ ", .boldGreen) + (step.after ?? "Done."))
        stepIndex += 1
        progress.record(stepIndex, of: lesson.name)
        if finished {
            output.line()
            output.line(style.paint("Lesson complete: \(lesson.title).", .boldGreen)
                + (BuiltInLessons.next(after: lesson.name).map { " Next: `apish tutorial \($0)`." } ?? ""))
            session.requestExit()
        } else {
            presentStep(to: output)
        }
    }
}

/// Steps completed per lesson, kept in the per-user state folder.
public struct TutorialProgress: Sendable {
    let state: StateFolder
    static let key = "tutorial-progress.json"

    public init(state: StateFolder) {
        self.state = state
    }

    public func completedSteps(of lesson: String) -> Int {
        all()[lesson] ?? 0
    }

    public func all() -> [String: Int] {
        guard let bytes = (try? state.load(Self.key)) ?? nil else { return [:] }
        return (try? JSONDecoder().decode([String: Int].self, from: Data(bytes))) ?? [:]
    }

    func record(_ steps: Int, of lesson: String) {
        var all = all()
        all[lesson] = steps
        save(all)
    }

    /// Forgets one lesson's progress, or every lesson's.
    public func reset(_ lesson: String?) {
        guard let lesson else {
            try? state.remove(Self.key)
            return
        }
        var all = all()
        all[lesson] = nil
        save(all)
    }

    private func save(_ progress: [String: Int]) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        if let data = try? encoder.encode(progress) { try? state.save(Self.key, Array(data)) }
    }
}

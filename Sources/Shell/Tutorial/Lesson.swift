import Foundation

/// A guided lesson: steps that each explain something, suggest a command, and say how to tell that
/// the learner did it. Lessons are plain text a teacher can write:
///
///     # comments start with #
///     title: HTTP Basic
///     summary: what the lesson teaches, in one line
///
///     step: Ask the API who you are
///     Any lines of explanation.
///     type: GET /api/users/self
///     check: request GET /api/users/self
///     check: status 200
///     hint: what to say when the check fails
///     after: what to say when it passes
///
/// `check:` lines (all must hold) are `request METHOD PATH` (`*` matches one path segment), `status
/// CODE`, `auth Basic|Bearer|OAuth|none` (the Authorization scheme sent), `assert HURL-ASSERT` (on the
/// response, as `expect` reads it), `typed TEXT` (the line typed starts with it) and `variable NAME`.
public struct Lesson: Sendable, Equatable {
    public let name: String
    public let title: String
    public let summary: String
    public let steps: [Step]

    public struct Step: Sendable, Equatable {
        public var title: String
        public var text: [String] = []
        public var command: String?
        public var checks: [StepCheck] = []
        public var hint: String?
        public var after: String?
    }

    public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        public let line: Int
        public let message: String
        public var description: String { "line \(line): \(message)" }
    }

    public init(name: String, text: String) throws(ParseError) {
        self.name = name
        var title: String?
        var summary = ""
        var steps: [Step] = []
        for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = offset + 1
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            if line.hasPrefix("#") { continue }
            guard let (key, value) = Self.field(line) else {
                guard !steps.isEmpty else {
                    if line.allSatisfy(\.isWhitespace) { continue }
                    throw ParseError(line: number, message: "text before the first `step:`")
                }
                steps[steps.count - 1].text.append(String(line))
                continue
            }
            switch key {
            case "title": title = value
            case "summary": summary = value
            case "step": steps.append(Step(title: value))
            case "type", "check", "hint", "after":
                guard !steps.isEmpty else { throw ParseError(line: number, message: "`\(key):` before the first `step:`") }
                switch key {
                case "type": steps[steps.count - 1].command = value
                case "hint": steps[steps.count - 1].hint = value
                case "after": steps[steps.count - 1].after = value
                default:
                    do {
                        steps[steps.count - 1].checks.append(try StepCheck(value))
                    } catch {
                        throw ParseError(line: number, message: error.message)
                    }
                }
            default:
                if steps.isEmpty { throw ParseError(line: number, message: "unknown field `\(key):`") }
                steps[steps.count - 1].text.append(String(line))
            }
        }
        guard let title else { throw ParseError(line: 1, message: "a lesson needs a `title:` line") }
        guard !steps.isEmpty else { throw ParseError(line: 1, message: "a lesson needs at least one `step:`") }
        for step in steps where step.checks.isEmpty {
            throw ParseError(line: 1, message: "step '\(step.title)' has no `check:` line")
        }
        self.title = title
        self.summary = summary
        self.steps = steps.map { step in
            var trimmed = step
            while trimmed.text.last?.allSatisfy(\.isWhitespace) == true { trimmed.text.removeLast() }
            while trimmed.text.first?.allSatisfy(\.isWhitespace) == true { trimmed.text.removeFirst() }
            return trimmed
        }
    }

    /// `key: value` for the lesson's own keys (lower-case letters at the start of the line).
    private static func field(_ line: Substring) -> (String, String)? {
        guard let colon = line.firstIndex(of: ":") else { return nil }
        let key = line[..<colon]
        guard !key.isEmpty, key.allSatisfy({ $0.isLetter && $0.isLowercase }) else { return nil }
        return (String(key), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
    }
}

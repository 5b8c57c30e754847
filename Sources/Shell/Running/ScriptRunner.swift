import LineEditor
import Workspace

public enum ScriptSource: Sendable {
    /// `-c` commands, each possibly several lines (a heredoc).
    case commands([String])
    /// A script file or standard input.
    case text(String, name: String)
}

/// Runs shell commands without a person: from a file, standard input or `-c`. The lines are assembled
/// with the same rules as at the prompt, so a script behaves exactly as the same lines typed.
public enum ScriptRunner {
    /// - Returns: the exit code: 0, or the first failed command's (see `ShellError.exitCode`).
    public static func run(
        _ source: ScriptSource, workspace: Workspace, output: ShellOutput, environment: String?, keepGoing: Bool,
        prepare: (@Sendable (ShellSession) async throws(ShellError) -> Void)? = nil
    ) async -> Int32 {
        let session = ShellSession(workspace: workspace, output: output, interactive: false)
        var exitCode: Int32 = 0
        do throws(ShellError) {
            if let environment { try session.selectEnvironment(environment) }
            try await prepare?(session)
        } catch {
            output.errorLine(output.style.paint("error: ", .boldRed) + error.description)
            return error.exitCode
        }
        let lines: [(label: String, line: AssembledLine)] = switch source {
        case .commands(let commands):
            commands.enumerated().flatMap { index, command in
                LineAssembler.lines(of: command).map { ("-c #\(index + 1)", $0) }
            }
        case .text(let text, let name):
            LineAssembler.lines(of: text).map { ("\(name):\($0.lines.lowerBound)", $0) }
        }
        for (label, line) in lines {
            do throws(ShellError) {
                if let unfinished = line.unfinished { throw ShellError.parse(describe(unfinished)) }
                try await session.run(line.text)
            } catch {
                output.errorLine(output.style.paint("\(label): error: ", .boldRed) + error.description)
                if exitCode == 0 { exitCode = error.exitCode }
                if !keepGoing { break }
            }
            if session.shouldExit { break }
        }
        await session.shutdown()
        return exitCode
    }

    static func describe(_ pending: LineAssembler.Pending) -> String {
        switch pending {
        case .backslash: "the last line ends with `\\` but nothing follows"
        case .hereDocument(let terminator): "the here-document is never closed: no line reads `\(terminator)`"
        case .brackets(let open): "the body leaves \(open.count) bracket\(open.count == 1 ? "" : "s") open (\(open.suffix(8)))"
        case .body: "the request's body never came"
        }
    }
}

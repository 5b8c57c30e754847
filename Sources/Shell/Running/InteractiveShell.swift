import Foundation
import LineEditor
import Workspace

/// The shell a person types in: libedit editing, history, completion, a prompt that shows where
/// requests go, and Ctrl-C that cancels the request in flight instead of the shell.
public enum InteractiveShell {
    /// - Parameters:
    ///   - banner: printed once before the first prompt (the demo's tour).
    ///   - prepare: runs before the first prompt, e.g. to select the demo's environment.
    public static func run(
        workspace: Workspace, output: ShellOutput, environment: String?, banner: String? = nil,
        prepare: (@Sendable (ShellSession) async throws(ShellError) -> Void)? = nil
    ) async -> Int32 {
        let session = ShellSession(workspace: workspace, output: output, interactive: true)
        let style = output.style
        do {
            if let environment { try session.selectEnvironment(environment) }
            try await prepare?(session)
        } catch {
            output.errorLine(style.paint("error: ", .boldRed) + error.description)
            return error.exitCode
        }
        let editor: LineEditor
        do {
            try FileManager.default.createDirectory(
                atPath: workspace.userState.path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            editor = try LineEditor(historyFile: workspace.userState.path + "/history")
        } catch {
            output.errorLine(style.paint("error: ", .boldRed) + "cannot start the line editor: \(error)")
            return 3
        }
        let box = EditorBox(editor)
        editor.completer = { context in ShellCompleter(session: session).candidates(for: context) }
        session.secretReader = { prompt in box.editor.readSecret(prompt: prompt) }
        session.keyReader = { prompt in await box.readKey(prompt: prompt) }
        session.lineReader = { prompt in
            output.write(prompt)
            return Swift.readLine()
        }
        if let banner { output.line(banner) } else {
            output.line(style.paint("apish \(ShellSession.version)", .bold) + " — `help` lists commands, Ctrl-D leaves.")
        }
        let watcher = InterruptWatcher()
        while !session.shouldExit {
            let prompt = Prompt.render(session)
            switch await box.readLine(prompt: prompt) {
            case .endOfFile:
                output.line()
                session.requestExit()
            case .interrupted:
                continue
            case .line(let text):
                if !session.carriesSecret(text) { editor.addToHistory(text) }
                try? editor.saveHistory()
                do {
                    try await watcher.run { () async throws -> Void in try await session.run(text) }
                } catch is InterruptWatcher.Interrupted {
                    output.errorLine(style.paint("cancelled", .yellow))
                } catch let error as ShellError {
                    output.errorLine(style.paint("error: ", .boldRed) + error.description)
                } catch {
                    output.errorLine(style.paint("error: ", .boldRed) + "\(error)")
                }
            }
        }
        try? editor.saveHistory()
        await session.shutdown()
        return 0
    }
}

/// Reads lines on a thread of its own: libedit blocks, and the shared async threads must stay free
/// for the work in flight (the demo's sandbox answers on them).
private final class EditorBox: @unchecked Sendable {
    let editor: LineEditor

    init(_ editor: LineEditor) { self.editor = editor }

    func readLine(prompt: String) async -> LineEditor.LineResult {
        await withCheckedContinuation { continuation in
            let thread = Thread { continuation.resume(returning: self.editor.readLine(prompt: prompt)) }
            thread.stackSize = 1 << 20
            thread.start()
        }
    }

    func readKey(prompt: String) async -> UInt8? {
        await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: self.editor.readKey(prompt: prompt)) }.start()
        }
    }
}

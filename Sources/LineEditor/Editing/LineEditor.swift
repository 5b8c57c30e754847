import CLibEdit

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The shell's line editor: libedit's native API with emacs keys (or whatever `~/.editrc` chooses, such
/// as `bind -v`), history on Up/Down and Ctrl-R, Tab completion through `completer`, coloured prompts,
/// and multi-line input assembled by `LineAssembler`.
///
/// Ctrl-C while editing is a key, not a signal: the terminal's ISIG is switched off in edit mode
/// (`setty -d -isig`) and Ctrl-C is bound to a function that ends the line, so `readLine` returns
/// `.interrupted` and no signal handler is involved. libedit's own signal handling (`EL_SIGNAL`) stays on:
/// while `el_gets` runs it restores the terminal before SIGTERM/SIGHUP/SIGTSTP take effect and follows
/// window resizes, then puts the previous handlers back. Requests run outside `readLine`, where
/// `InterruptWatcher` turns SIGINT into task cancellation.
///
/// One editor reads from standard input and writes to standard output; use it from one thread at a time.
public final class LineEditor {
    /// How a call to `readLine` ended.
    public enum LineResult: Sendable, Equatable {
        /// A complete logical line (continuations, here-documents and open brackets already joined).
        case line(String)
        /// Ctrl-C at the prompt: the line was discarded; show a fresh prompt.
        case interrupted
        /// Ctrl-D on an empty line, or the input closed.
        case endOfFile
    }

    /// Offers candidates for the word at the cursor when Tab is pressed (see `CompletionContext`).
    /// A candidate replaces the whole word, so it carries its own suffix (`{{token}}`, `contacts/`).
    public var completer: (@Sendable (CompletionContext) -> [String])? {
        get { state.completer }
        set { state.completer = newValue }
    }

    /// Columns of the terminal on standard output now (80 when it is not a terminal).
    public var terminalWidth: Int {
        let fromTerminal = Int(apish_fd_columns(STDOUT_FILENO))
        if fromTerminal > 0 { return fromTerminal }
        let fromLibedit = Int(apish_el_columns(editLine))
        return fromLibedit > 0 ? fromLibedit : 80
    }

    private let editLine: OpaquePointer
    private let history: OpaquePointer
    private let historyFile: String?
    private let state: EditorState
    private var queuedLines: [String] = []
    /// Ctrl-C or the end of input met while looking ahead for a body, returned by the next read.
    private var heldEnd: PhysicalLine?

    /// Sets up libedit on standard input/output and loads `historyFile` when it exists.
    /// Switches `LC_CTYPE` to the environment's locale (or C.UTF-8) when it is still "C", since libedit
    /// edits multibyte text only under a UTF-8 locale.
    /// - Throws: `LineEditorError` when libedit cannot start or the history file cannot be read.
    public init(programName: String = "apish", historyFile: String?, historyLimit: Int = 1000) throws {
        Self.adoptUTF8Locale()
        guard let editLine = el_init(programName, apish_stdin(), apish_stdout(), apish_stderr()) else {
            throw LineEditorError.cannotStart
        }
        guard let history = history_init() else {
            el_end(editLine)
            throw LineEditorError.cannotStart
        }
        self.editLine = editLine
        self.history = history
        self.historyFile = historyFile
        state = EditorState(output: apish_stdout())
        _ = apish_history_set_size(history, Int32(clamping: max(1, historyLimit)))
        _ = apish_history_set_unique(history, 1)
        if let historyFile, access(historyFile, F_OK) == 0, apish_history_load(history, historyFile) < 0 {
            throw LineEditorError.unreadableHistory(path: historyFile)
        }
        configure()
    }

    deinit {
        el_end(editLine)
        history_end(history)
    }

    /// Reads one logical line, showing `prompt` (ANSI colors allowed), and on the lines that continue it a
    /// prompt saying why (`LineAssembler.Pending.prompt`). Input that ends in the middle of a line (Ctrl-D
    /// on an empty continuation line) returns what was typed so far, as a shell treats an unterminated
    /// here-document.
    public func readLine(prompt: String) -> LineResult {
        var assembler = LineAssembler()
        var continuation: LineAssembler.Pending?
        while true {
            let physical: String
            if !queuedLines.isEmpty {
                physical = queuedLines.removeFirst()
            } else {
                switch heldEnd ?? readPhysicalLine(prompt: continuation?.prompt ?? prompt) {
                case .interrupted:
                    heldEnd = nil
                    return .interrupted
                case .endOfFile:
                    heldEnd = nil
                    if let unfinished = assembler.finish() { return .line(unfinished.text) }
                    return .endOfFile
                case .line(let text):
                    queue(text)
                    continue
                }
            }
            switch assembler.feed(physical, nextLine: waitingLine) {
            case .complete(let line): return .line(line.text)
            case .needsMore(let reason): continuation = reason
            }
        }
    }

    /// The next line when it has already arrived (a paste), read but kept for `readLine`; nil when the
    /// person has not typed one yet, so nothing waits for them.
    private func waitingLine() -> String? {
        if queuedLines.isEmpty, heldEnd == nil, Self.inputIsWaiting() {
            switch readPhysicalLine(prompt: LineAssembler.Pending.body.prompt) {
            case .line(let text): queue(text)
            case let end: heldEnd = end
            }
        }
        return queuedLines.first
    }

    /// A line recalled from history may hold several physical lines (a here-document).
    private func queue(_ text: String) {
        queuedLines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    private static func inputIsWaiting() -> Bool {
        var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        return poll(&descriptor, 1, 0) > 0
    }

    /// Adds a line to the history (Up/Down, Ctrl-R, and the file `saveHistory` writes). Blank lines and a
    /// repeat of the previous entry are skipped. Lines holding secrets must not be added.
    public func addToHistory(_ line: String) {
        guard line.contains(where: { !$0.isWhitespace }) else { return }
        _ = apish_history_enter(history, line)
    }

    /// Writes the history file (when one was given): a new file with mode 0600 beside it, renamed over the
    /// old one, so a crash never leaves it half written. Missing parent folders are created (0700).
    public func saveHistory() throws {
        guard let historyFile else { return }
        try HistoryFileWriter.write(to: historyFile) { file in apish_history_save(history, file) >= 0 }
    }

    /// Reads a line without echoing it (a password), from the terminal when standard input is one.
    /// Returns nil on Ctrl-C, Ctrl-D on an empty line, or end of input.
    public func readSecret(prompt: String) -> String? {
        SecretReader.readLine(from: STDIN_FILENO, prompt: prompt) { self.state.write($0) }
    }

    /// Waits for one key on the terminal and returns its first byte (Enter is 0x0D, Ctrl-C 0x03), echoing
    /// nothing. Nil when standard input is not a terminal or has ended.
    public func readKey(prompt: String) -> UInt8? {
        RawMode.run(on: STDIN_FILENO) { () -> UInt8? in
            state.write(prompt)
            return RawMode.readByte(from: STDIN_FILENO)
        } ?? nil
    }

    private enum PhysicalLine {
        case line(String)
        case interrupted
        case endOfFile
    }

    private func readPhysicalLine(prompt: String) -> PhysicalLine {
        state.setPrompt(prompt)
        state.interrupted = false
        var count: Int32 = 0
        let bytes = el_gets(editLine, &count)
        if state.interrupted {
            state.write(state.textAfterCursor + "^C\n")
            return .interrupted
        }
        guard let bytes, count > 0 else {
            if isatty(STDIN_FILENO) == 1 { state.write("\n") }
            return .endOfFile
        }
        var line = String(decoding: UnsafeRawBufferPointer(start: bytes, count: Int(count)), as: UTF8.self)
        if line.hasSuffix("\n") { line.removeLast() }
        return .line(line)
    }

    private func configure() {
        state.columns = { [unowned self] in terminalWidth }
        _ = apish_el_set_client_data(editLine, Unmanaged.passUnretained(state).toOpaque())
        _ = apish_el_set_prompt(editLine, EditorCallbacks.prompt, CChar(bitPattern: UInt8(ascii: "\u{1}")))
        _ = apish_el_set_history(editLine, history)
        _ = apish_el_set_editor(editLine, "emacs")
        _ = apish_el_set_signal(editLine, 1)
        _ = apish_el_set_tty_mode(editLine, "-d", "-isig")
        _ = el_source(editLine, nil)
        // After ~/.editrc, because `bind -v` there resets every key map.
        _ = apish_el_add_function(editLine, "apish-complete", "Complete the word at the cursor", EditorCallbacks.complete)
        _ = apish_el_add_function(editLine, "apish-interrupt", "Discard the line", EditorCallbacks.interrupt)
        _ = apish_el_bind(editLine, "^I", "apish-complete")
        _ = apish_el_bind(editLine, "^C", "apish-interrupt")
        _ = apish_el_bind(editLine, "^R", "em-inc-search-prev")
    }

    private static func adoptUTF8Locale() {
        guard let current = setlocale(LC_CTYPE, nil), ["C", "POSIX"].contains(String(cString: current)) else { return }
        if setlocale(LC_CTYPE, "") == nil || ["C", "POSIX"].contains(String(cString: setlocale(LC_CTYPE, nil))) {
            _ = setlocale(LC_CTYPE, "C.UTF-8")
        }
    }
}

import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A process running on a pseudo-terminal, driven like a person at a keyboard: type, press keys, wait for
/// text on the screen. The child gets the terminal as stdin/stdout/stderr and as its controlling terminal
/// (new session), TERM=xterm, a UTF-8 locale and a 100x30 window. Every wait is bounded; the child is
/// killed when the terminal is released.
public final class PseudoTerminal: @unchecked Sendable {
    public enum Key: Sendable {
        case up, down, left, right, home, end, tab, enter, backspace, escape
        case ctrlA, ctrlC, ctrlD, ctrlE, ctrlK, ctrlR, ctrlU, ctrlW

        var bytes: String {
            switch self {
            case .up: "\u{1B}[A"
            case .down: "\u{1B}[B"
            case .right: "\u{1B}[C"
            case .left: "\u{1B}[D"
            case .home: "\u{1B}[H"
            case .end: "\u{1B}[F"
            case .tab: "\t"
            case .enter: "\r"
            case .backspace: "\u{7F}"
            case .escape: "\u{1B}"
            case .ctrlA: "\u{01}"
            case .ctrlC: "\u{03}"
            case .ctrlD: "\u{04}"
            case .ctrlE: "\u{05}"
            case .ctrlK: "\u{0B}"
            case .ctrlR: "\u{12}"
            case .ctrlU: "\u{15}"
            case .ctrlW: "\u{17}"
            }
        }
    }

    public let processID: pid_t
    private let master: Int32
    private var raw: [UInt8] = []
    private var matchedUTF8Offset = 0
    private var exitStatus: Int32?

    /// Starts `executable` on a new pseudo-terminal.
    public init(
        executable: URL, arguments: [String] = [], environment: [String: String] = [:],
        columns: Int = 100, rows: Int = 30
    ) throws {
        let pair = try TerminalPair.make(columns: columns, rows: rows)
        defer { close(pair.slave) }
        master = pair.master
        var childEnvironment = ProcessInfo.processInfo.environment
        childEnvironment["TERM"] = "xterm"
        childEnvironment["LANG"] = "C.UTF-8"
        childEnvironment["LC_ALL"] = "C.UTF-8"
        childEnvironment["COLUMNS"] = nil
        childEnvironment["LINES"] = nil
        childEnvironment.merge(environment) { $1 }
        do {
            processID = try TerminalSpawn.spawn(
                executable: executable.path, arguments: arguments, environment: childEnvironment,
                terminalPath: pair.slavePath, closing: pair.master)
        } catch {
            close(pair.master)
            throw error
        }
    }

    deinit {
        if exitStatus == nil {
            kill(processID, SIGKILL)
            var status: Int32 = 0
            _ = waitpid(processID, &status, 0)
        }
        close(master)
    }

    /// Everything the child wrote so far, escape sequences included.
    public var transcript: String { String(decoding: raw, as: UTF8.self) }

    /// The transcript with terminal escape sequences and carriage returns removed.
    public var screenText: String { TerminalText.stripped(transcript) }

    /// Types `text` as is.
    public func send(_ text: String) { send(bytes: Array(text.utf8)) }

    /// Sends raw bytes (for input that is not valid UTF-8).
    public func send(bytes: [UInt8]) {
        var bytes = bytes
        while !bytes.isEmpty {
            let written = write(master, bytes, bytes.count)
            if written < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                return
            }
            bytes.removeFirst(written)
        }
    }

    /// Presses a key.
    public func sendKey(_ key: Key) { send(key.bytes) }

    /// Changes the window size (the child gets SIGWINCH).
    public func resize(columns: Int, rows: Int) {
        TerminalPair.setSize(of: master, columns: columns, rows: rows)
    }

    /// Waits until `text` shows in the output after the previous match, and returns the output (escapes
    /// stripped) from there up to and including the match.
    @discardableResult
    public func waitFor(_ text: String, timeout: Double = 10) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let screen = screenText
            let start = screen.utf8.index(screen.startIndex, offsetBy: matchedUTF8Offset, limitedBy: screen.endIndex) ?? screen.endIndex
            if let found = screen[start...].range(of: text) {
                matchedUTF8Offset = screen.utf8.distance(from: screen.startIndex, to: found.upperBound)
                return String(screen[start..<found.upperBound])
            }
            let remaining = deadline.timeIntervalSinceNow
            guard remaining > 0 else {
                throw PseudoTerminalError(message: "did not see \(text.debugDescription) within \(timeout)s", transcript: transcript)
            }
            readAvailable(waitingUpTo: min(remaining, 0.2))
        }
    }

    /// Waits until the program reads keys one at a time (the terminal left canonical mode), as a line
    /// editor does once it shows its prompt. Before that, Ctrl-C and Ctrl-D are still the terminal's
    /// signal and end-of-file characters, so send them only after this.
    public func waitForKeyReading(timeout: Double = 10) throws {
        let deadline = Date().addingTimeInterval(timeout)
        var settings = termios()
        while tcgetattr(master, &settings) == 0, settings.c_lflag & tcflag_t(ICANON) != 0 {
            guard Date() < deadline else {
                throw PseudoTerminalError(message: "the terminal stayed in line mode for \(timeout)s", transcript: transcript)
            }
            readAvailable(waitingUpTo: 0.01)
        }
    }

    /// Waits for the child to exit and returns its exit code (128 + the signal when a signal ended it).
    public func waitForExit(timeout: Double = 10) throws -> Int32 {
        if let exitStatus { return exitStatus }
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            var status: Int32 = 0
            let result = waitpid(processID, &status, WNOHANG)
            if result == processID {
                readAvailable(waitingUpTo: 0.05)
                let code = status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
                exitStatus = code
                return code
            }
            readAvailable(waitingUpTo: 0.05)
        }
        throw PseudoTerminalError(message: "the process did not exit within \(timeout)s", transcript: transcript)
    }

    /// Reads what the child wrote, waiting at most `seconds` for something.
    private func readAvailable(waitingUpTo seconds: Double) {
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, Int32(max(0, seconds) * 1000)) > 0 else { return }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = read(master, &buffer, buffer.count)
        if count > 0 {
            raw.append(contentsOf: buffer[0..<count])
        } else {
            // EIO: the child closed its side of the terminal (it is exiting); do not spin.
            usleep(20_000)
        }
    }
}

public struct PseudoTerminalError: Error, CustomStringConvertible {
    public let message: String
    public let transcript: String
    public var description: String {
        "\(message)\n--- terminal transcript (escapes stripped) ---\n\(TerminalText.stripped(transcript))\n--- raw ---\n\(transcript.debugDescription)"
    }
}

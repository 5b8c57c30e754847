import Foundation
import Synchronization

/// Where a shell writes. Standard streams in use; a buffer in tests.
public protocol ShellOutput: AnyObject, Sendable {
    var style: TerminalStyle { get }
    func write(_ text: String)
    func writeError(_ text: String)
}

extension ShellOutput {
    public func line(_ text: String = "") { write(text + "\n") }
    public func errorLine(_ text: String) { writeError(text + "\n") }
    public func warn(_ text: String) { writeError(style.paint("warning: ", .boldYellow) + text + "\n") }
    public func note(_ text: String) { writeError(style.paint("note: ", .cyan) + text + "\n") }
}

public final class StandardOutput: ShellOutput {
    public let style: TerminalStyle
    public let errorStyle: TerminalStyle

    public init(style: TerminalStyle = .detect()) {
        self.style = style
        var errorStyle = style
        errorStyle.colors = style.colors && isatty(STDERR_FILENO) == 1
        self.errorStyle = errorStyle
    }

    public func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    public func writeError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}

/// Keeps what was written, for tests and for capturing a command's output.
public final class BufferedOutput: ShellOutput {
    public let style: TerminalStyle
    private let buffers = Mutex<(out: String, error: String)>(("", ""))

    public init(style: TerminalStyle = .plain) { self.style = style }
    public var text: String { buffers.withLock { $0.out } }
    public var errorText: String { buffers.withLock { $0.error } }
    public func write(_ text: String) { buffers.withLock { $0.out += text } }
    public func writeError(_ text: String) { buffers.withLock { $0.error += text } }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A terminal with echo, canonical mode and signals off for the length of one read, so that each
/// key arrives as typed (Ctrl-C as a byte, not a signal that kills the process with echo still off).
enum RawMode {
    /// Runs `body` with the terminal in raw mode and restores it after; nil when `descriptor` is not a terminal.
    static func run<Result>(on descriptor: Int32, _ body: () -> Result) -> Result? {
        var saved = termios()
        guard tcgetattr(descriptor, &saved) == 0 else { return nil }
        var quiet = saved
        quiet.c_lflag &= ~tcflag_t(ECHO | ICANON | ISIG)
        withUnsafeMutableBytes(of: &quiet.c_cc) { controls in
            controls[Int(VMIN)] = 1
            controls[Int(VTIME)] = 0
        }
        _ = tcsetattr(descriptor, TCSAFLUSH, &quiet)
        defer { _ = tcsetattr(descriptor, TCSAFLUSH, &saved) }
        return body()
    }

    static func readByte(from descriptor: Int32) -> UInt8? {
        var byte: UInt8 = 0
        while true {
            let count = read(descriptor, &byte, 1)
            if count == 1 { return byte }
            if count < 0, errno == EINTR { continue }
            return nil
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A pseudo-terminal's two sides: the master the test holds and the slave's path the child opens.
struct TerminalPair {
    let master: Int32
    let slave: Int32
    let slavePath: String

    static func make(columns: Int, rows: Int) throws -> TerminalPair {
        #if os(Linux)
        // posix_openpt/grantpt/unlockpt/ptsname are hidden from Swift by glibc's feature macros; these are
        // their Linux equivalents (ioctl numbers from asm-generic, as on x86_64 and arm64).
        let master = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard master >= 0 else { throw failure("cannot open /dev/ptmx") }
        var unlock: Int32 = 0
        var number: UInt32 = 0
        let setLock: UInt = 0x4004_5431, getNumber: UInt = 0x8004_5430
        guard ioctl(master, setLock, &unlock) == 0, ioctl(master, getNumber, &number) == 0 else {
            close(master)
            throw failure("cannot unlock the pseudo-terminal")
        }
        let slavePath = "/dev/pts/\(number)"
        #else
        let master = posix_openpt(O_RDWR | O_NOCTTY)
        guard master >= 0, grantpt(master) == 0, unlockpt(master) == 0, let name = ptsname(master) else {
            throw failure("cannot open a pseudo-terminal")
        }
        _ = fcntl(master, F_SETFD, FD_CLOEXEC)
        let slavePath = String(cString: name)
        #endif
        setSize(of: master, columns: columns, rows: rows)
        // Held open until the child has its own copy, so no read on the master sees EIO before it starts.
        let slave = open(slavePath, O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard slave >= 0 else {
            close(master)
            throw failure("cannot open \(slavePath)")
        }
        return TerminalPair(master: master, slave: slave, slavePath: slavePath)
    }

    static func setSize(of master: Int32, columns: Int, rows: Int) {
        var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
    }

    private static func failure(_ message: String) -> PseudoTerminalError {
        PseudoTerminalError(message: "\(message): \(String(cString: strerror(errno)))", transcript: "")
    }
}

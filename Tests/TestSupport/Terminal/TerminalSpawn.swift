#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Starts a child in a new session whose standard streams are a terminal, with posix_spawn (no fork in a
/// threaded test process). Opening the terminal after `setsid` makes it the controlling terminal, so
/// Ctrl-C there signals the child as it would at a real keyboard.
enum TerminalSpawn {
    #if os(Linux)
    private static let newSession: Int32 = 0x80  // POSIX_SPAWN_SETSID, hidden by glibc's feature macros
    #else
    private static let newSession = Int32(POSIX_SPAWN_SETSID)
    #endif

    static func spawn(
        executable: String, arguments: [String], environment: [String: String],
        terminalPath: String, closing master: Int32
    ) throws -> pid_t {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaultSignals = sigset_t()
        sigfillset(&defaultSignals)
        var noneBlocked = sigset_t()
        sigemptyset(&noneBlocked)
        posix_spawnattr_setsigdefault(&attributes, &defaultSignals)
        posix_spawnattr_setsigmask(&attributes, &noneBlocked)
        posix_spawnattr_setflags(&attributes, Int16(newSession | Int32(POSIX_SPAWN_SETSIGDEF) | Int32(POSIX_SPAWN_SETSIGMASK)))

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, terminalPath, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var processID: pid_t = 0
        let result = posix_spawn(&processID, executable, &actions, &attributes, argv, envp)
        guard result == 0 else {
            throw PseudoTerminalError(message: "cannot start \(executable): \(String(cString: strerror(result)))", transcript: "")
        }
        return processID
    }
}

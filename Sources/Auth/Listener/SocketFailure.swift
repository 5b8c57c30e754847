import NIOCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a socket could not listen, in the system's words ("address already in use") rather than NIO's
/// (`bind(descriptor:ptr:bytes:): Address already in use (errno: 98)`). The redirect listener and the
/// sandbox both say it.
public enum SocketFailure {
    public static func reason(_ error: any Error) -> String {
        guard let error = error as? IOError else { return "\(error)" }
        return String(cString: strerror(error.errnoCode)).lowercased()
    }
}

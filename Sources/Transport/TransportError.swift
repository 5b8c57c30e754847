import HTTPExchange
import NIOCore
import NIOExtras
import NIOPosix
import NIOSSL

/// A failure to exchange with a server, said in one line that names the host and the cause.
public struct TransportError: Error, Sendable, CustomStringConvertible {
    public enum Cause: Sendable, Equatable {
        case connectionRefused
        case dns
        case connectTimeout
        case timeout
        case tls(String)
        case connectionClosed
        case invalidURL
        case tooManyRedirects(Int)
        case unreadableFile(String)
        case bodyTooLarge(BodyLimit)
        case idleTimeout(Duration)
        /// A redirect to a scheme other than http and https, with its `Location` as sent.
        case unfollowedRedirect(location: String)
        case cannotSave(path: String, reason: String)
        case invalidHeader(String)
        case other(String)
    }

    public let host: String
    public let cause: Cause

    public init(host: String, cause: Cause) {
        self.host = host
        self.cause = cause
    }

    public var description: String {
        switch cause {
        case .connectionRefused: "cannot connect to \(host): connection refused"
        case .dns: "cannot resolve host '\(host)' (DNS lookup failed)"
        case .connectTimeout: "cannot connect to \(host): timed out while connecting"
        case .timeout: "\(host) did not answer in time (timeout)"
        case .tls(let detail): "TLS handshake with \(host) failed: \(detail)"
        case .connectionClosed: "\(host) closed the connection before answering"
        case .invalidURL: "invalid URL '\(host)'"
        case .tooManyRedirects(let limit): "\(host): more than \(limit) redirects"
        case .unreadableFile(let path): "cannot read file '\(path)'"
        case .bodyTooLarge(let limit):
            "the response from \(host) is larger than \(SendOptions.sizeText(limit.bytes))\(limit.decompressed ? " once decompressed" : ""): "
                + "--max-size SIZE raises the limit, --output FILE saves a body of any size"
        case .idleTimeout(let silence):
            "\(host) sent nothing for \(Self.seconds(silence)) (idle timeout: --idle-timeout S waits longer)"
        case .unfollowedRedirect(let location):
            "\(host) redirects to '\(location)': only http and https redirects are followed"
        case .cannotSave(let path, let reason): "cannot save the response from \(host) to '\(path)': \(reason)"
        case .invalidHeader(let detail): "cannot send to \(host): \(detail)"
        case .other(let detail): "request to \(host) failed: \(detail)"
        }
    }

    private static func seconds(_ duration: Duration) -> String {
        let (whole, fraction) = duration.components
        return fraction == 0 ? "\(whole) s" : "\(Double(whole) + Double(fraction) / 1e18) s"
    }

    static func classify(_ error: any Error, url: RequestURL, options: SendOptions) -> TransportError {
        TransportError(host: HTTPTransport.hostAndPort(url), cause: cause(of: error, options: options))
    }

    private static func cause(of error: any Error, options: SendOptions) -> Cause {
        switch error {
        case let error as NIOHTTP1ProxyConnectHandler.Error:
            if error == .httpProxyHandshakeTimeout() { return .connectTimeout }
            if error == .proxyAuthenticationRequired() { return .other("the proxy asks for credentials (407)") }
            return .other("the proxy did not open a tunnel to the host")
        case let error as NIOConnectionError:
            if let first = error.connectionErrors.first { return cause(of: first.error, options: options) }
            if error.dnsAError != nil || error.dnsAAAAError != nil { return .dns }
            return .dns
        case let error as IOError where error.errnoCode == ECONNREFUSED:
            return .connectionRefused
        case let error as ChannelError:
            if case .connectTimeout = error { return .connectTimeout }
            return .other("\(error)")
        case is SocketAddressError:
            return .dns
        case is NIOSSLError, is BoringSSLError, is NIOSSLExtraError:
            return .tls(tlsDetail(error))
        default:
            let text = String(describing: error)
            if text.contains("connectionRefused") || text.contains("Connection refused") { return .connectionRefused }
            return .other(text)
        }
    }

    /// BoringSSL's reason in words (`CERTIFICATE_VERIFY_FAILED` → "certificate verify failed"), with what to
    /// do about a certificate that is not trusted.
    private static func tlsDetail(_ error: any Error) -> String {
        if let error = error as? NIOSSLExtraError, error == .failedToValidateHostname {
            return "the certificate is not for this host name"
        }
        let text = String(describing: error)
        let reasons = text.matches(of: /OPENSSL_internal:([A-Z0-9_]+)/).map { $0.output.1.lowercased().replacing("_", with: " ") }
        guard let reason = reasons.first else { return text }
        switch reason {
        case "certificate verify failed": return reason + " (--insecure skips the check, --cacert FILE trusts a CA)"
        case "wrong version number": return reason + " (the server may not speak TLS: try http://)"
        default: return reason
        }
    }
}

extension TransportError.Cause: Error {}

/// How much of a body may be kept in memory.
public struct BodyLimit: Sendable, Equatable {
    public var bytes: Int
    /// The body came compressed, so what counts is its size once decompressed, not what crossed the wire.
    public var decompressed: Bool

    public init(bytes: Int, decompressed: Bool) {
        self.bytes = bytes
        self.decompressed = decompressed
    }
}

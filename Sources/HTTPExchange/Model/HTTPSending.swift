/// The seam between what builds requests (shell, runner, auth flows) and what puts them on the wire.
public protocol HTTPSending: Sendable {
    func send(_ request: HTTPRequest, options: SendOptions) async throws -> HTTPResponse
}

public struct SendOptions: Sendable, Equatable {
    public var followRedirects: Bool
    public var maxRedirects: Int
    /// Time allowed to open the connection (DNS, TCP, TLS).
    public var connectTimeout: Duration?
    /// Time allowed for the whole exchange, redirects included.
    public var timeout: Duration?
    /// Skips TLS certificate verification. Off unless a person asks for it.
    public var insecure: Bool
    /// A PEM file of certificate authorities to trust instead of the system's.
    public var caCertificatePath: String?

    public init(
        followRedirects: Bool = true, maxRedirects: Int = 10, connectTimeout: Duration? = .seconds(10),
        timeout: Duration? = nil, insecure: Bool = false, caCertificatePath: String? = nil
    ) {
        self.followRedirects = followRedirects
        self.maxRedirects = maxRedirects
        self.connectTimeout = connectTimeout
        self.timeout = timeout
        self.insecure = insecure
        self.caCertificatePath = caCertificatePath
    }
}

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
    /// Time the server may stay silent while the exchange is under way, so that a stalled answer ends
    /// even without a `timeout`.
    public var idleTimeout: Duration?
    /// The largest body kept in memory, counted after decompression.
    public var maxBodySize: Int
    /// Where the final response's body is written as it arrives, instead of being kept in memory
    /// (``maxBodySize`` does not apply). The file appears whole or not at all.
    public var bodyFile: String?

    public static let defaultIdleTimeout: Duration = .seconds(30)
    public static let defaultMaxBodySize = 100 << 20

    public init(
        followRedirects: Bool = true, maxRedirects: Int = 10, connectTimeout: Duration? = .seconds(10),
        timeout: Duration? = nil, insecure: Bool = false, caCertificatePath: String? = nil,
        idleTimeout: Duration? = defaultIdleTimeout, maxBodySize: Int = defaultMaxBodySize, bodyFile: String? = nil
    ) {
        self.followRedirects = followRedirects
        self.maxRedirects = maxRedirects
        self.connectTimeout = connectTimeout
        self.timeout = timeout
        self.insecure = insecure
        self.caCertificatePath = caCertificatePath
        self.idleTimeout = idleTimeout
        self.maxBodySize = maxBodySize
        self.bodyFile = bodyFile
    }

    /// Reads a size as people write it: `500000`, `64K`, `100M`, `2G` (powers of 1024, a trailing `B` or
    /// `iB` allowed); nil for anything else.
    public static func byteCount(_ text: String) -> Int? {
        var digits = Substring(text.uppercased())
        for suffix in ["IB", "B"] where digits.hasSuffix(suffix) && digits.count > suffix.count {
            digits = digits.dropLast(suffix.count)
            break
        }
        let shifts: [Character: Int] = ["K": 10, "M": 20, "G": 30, "T": 40]
        var shift = 0
        if let unit = digits.last, let unitShift = shifts[unit] {
            shift = unitShift
            digits = digits.dropLast()
        }
        guard let number = Int(digits), number > 0, number <= Int.max >> shift else { return nil }
        return number << shift
    }

    /// A size in the largest unit that says it exactly enough: `100 MiB`, `1.5 GiB`, `512 bytes`.
    public static func sizeText(_ bytes: Int) -> String {
        let units = [(40, "TiB"), (30, "GiB"), (20, "MiB"), (10, "KiB")]
        for (shift, name) in units where bytes >= 1 << shift {
            let value = Double(bytes) / Double(1 << shift)
            let rounded = (value * 10).rounded() / 10
            return (rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)) + " " + name
        }
        return "\(bytes) bytes"
    }
}

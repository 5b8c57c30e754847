import HTTPExchange

/// Where `trace on` narrates auth steps. Lines pass through `mask` first, which hides every secret the
/// session knows of (passwords, client and consumer secrets, tokens, verifiers) unless `reveal` is set.
public struct AuthTrace: Sendable {
    public var reveal: Bool
    public var emit: @Sendable (String) -> Void

    public init(reveal: Bool = false, emit: @escaping @Sendable (String) -> Void) {
        self.reveal = reveal
        self.emit = emit
    }
}

/// One narration pass: knows which values are secret for this session and masks them in each line.
struct TraceNarrator: Sendable {
    let trace: AuthTrace?
    let secrets: [String]

    init(_ trace: AuthTrace?, secrets: [String]) {
        self.trace = trace
        // The raw value and its percent-encoded forms, since base strings and headers show those.
        var variants: [String] = []
        for secret in secrets where secret.count >= 3 {
            variants.append(secret)
            variants.append(OAuthPercentEncoding.encode(secret))
            variants.append(OAuthPercentEncoding.encode(OAuthPercentEncoding.encode(secret)))
        }
        self.secrets = Array(Set(variants))
    }

    var isOn: Bool { trace != nil }

    /// - Parameter maxLength: cut the line after masking, so that a long token cut in half is still
    ///   recognised and masked whole (a JWT is longer than the part of a response a trace shows).
    func callAsFunction(_ line: @autoclosure () -> String, maxLength: Int? = nil) {
        guard let trace else { return }
        let text = line()
        let shown = trace.reveal ? text : Redactor(secrets: secrets).fields(text)
        trace.emit(maxLength.map { String(shown.prefix($0)) } ?? shown)
    }

    /// Shows `value` only when revealing: for secrets mentioned on purpose (a key's structure).
    func secret(_ value: String) -> String {
        trace?.reveal == true ? value : (value.isEmpty ? "(empty)" : Redactor.mask)
    }

    func adding(_ more: [String]) -> TraceNarrator {
        TraceNarrator(trace, secrets: secrets + more)
    }
}

import HTTPExchange
import Hurl

/// An entry's `[Options]`, read with the variables expanded.
struct EntryOptions {
    var send: SendOptions
    var delay: Duration = .zero
    var retry: Int
    var retryInterval: Duration
    var skip = false
    var user: String?

    init(_ request: HurlRequest, configuration: RunConfiguration, variables: inout VariableStore) throws(RunFailure) {
        send = SendOptions(followRedirects: configuration.followRedirects, connectTimeout: configuration.connectTimeout,
                           timeout: configuration.timeout, insecure: configuration.insecure,
                           idleTimeout: configuration.idleTimeout, maxBodySize: configuration.maxBodySize)
        user = configuration.user
        retry = configuration.retry
        retryInterval = configuration.retryInterval
        for option in request.options {
            let text = try variables.expand(option.value)
            let fail = { (expected: String) in RunFailure("option \(option.name): expected \(expected), got '\(text)'", line: option.line) }
            switch option.name {
            case "variable":
                guard let equals = text.firstIndex(of: "=") else { throw fail("name=value") }
                let name = text[..<equals].trimmingCharacters(in: " \t")
                variables.set(name, RunValue.inferred(from: text[text.index(after: equals)...].trimmingCharacters(in: " \t")))
            case "location":
                guard let value = Bool(text) else { throw fail("true or false") }
                send.followRedirects = value
            case "insecure":
                guard let value = Bool(text) else { throw fail("true or false") }
                send.insecure = value
            case "max-redirs":
                guard let value = Int(text) else { throw fail("a number") }
                send.maxRedirects = value < 0 ? Int.max : value
            case "connect-timeout":
                guard let value = Self.duration(text, defaultUnit: .seconds(1)) else { throw fail("a duration such as 10, 10s or 500ms") }
                send.connectTimeout = value
            case "max-time":
                guard let value = Self.duration(text, defaultUnit: .seconds(1)) else { throw fail("a duration such as 10, 10s or 500ms") }
                send.timeout = value
            case "delay":
                guard let value = Self.duration(text, defaultUnit: .milliseconds(1)) else { throw fail("a duration such as 100 or 2s") }
                delay = value
            case "retry":
                guard let value = Int(text) else { throw fail("a number") }
                retry = value < 0 ? 100 : value
            case "retry-interval":
                guard let value = Self.duration(text, defaultUnit: .milliseconds(1)) else { throw fail("a duration such as 500 or 1s") }
                retryInterval = value
            case "skip":
                guard let value = Bool(text) else { throw fail("true or false") }
                skip = value
            case "user":
                user = text
            case "cacert":
                send.caCertificatePath = text
            default:
                // The others do not change how apish runs the entry: responses are always
                // decompressed (compressed), verbosity is the command's (verbose), and options
                // unknown to Hurl were reported as warnings when the file was parsed.
                break
            }
        }
    }

    /// `10`, `10s`, `500ms`, `1m`: a bare number is in `defaultUnit`.
    static func duration(_ text: String, defaultUnit: Duration) -> Duration? {
        let units: [(String, Duration)] = [("ms", .milliseconds(1)), ("s", .seconds(1)), ("m", .seconds(60)), ("h", .seconds(3600))]
        for (suffix, unit) in units where text.hasSuffix(suffix) {
            guard let value = Int(text.dropLast(suffix.count)), value >= 0 else { return nil }
            return unit * value
        }
        guard let value = Int(text), value >= 0 else { return nil }
        return defaultUnit * value
    }
}

import HTTPExchange

/// The flags a request line may carry, shared by the shell, scripts and `-c`.
public struct RequestOptions: Sendable, Equatable {
    public enum Display: Sendable, Equatable {
        /// Status line and body.
        case normal
        /// Status line, response headers and body.
        case headers
        /// The request as sent, then status, headers and body.
        case verbose
        /// The body alone.
        case body
        /// The whole exchange as one JSON document (documented in the README).
        case json
        /// Nothing: for scripts that only `expect` or `set`.
        case quiet
    }

    public var display: Display = .normal
    public var send = SendOptions()
    public var outputFile: String?
    /// An auth profile for this request instead of the environment's default; "none" sends none.
    public var authProfile: String?

    public init() {}

    /// Takes the flags out of `words`, leaving the method, URL and items.
    static func extract(from words: inout [String]) throws(ShellError) -> (RequestOptions, RequestSpec.BodyMode, String?) {
        var options = RequestOptions()
        var mode = RequestSpec.BodyMode.json
        var raw: String?
        var remaining: [String] = []
        var index = 0
        func value(_ flag: String) throws(ShellError) -> String {
            index += 1
            guard index < words.count else { throw .usage("\(flag) needs a value") }
            return words[index]
        }
        func seconds(_ flag: String) throws(ShellError) -> Duration {
            let text = try value(flag)
            guard let number = Double(text), number > 0 else { throw .usage("\(flag) takes a number of seconds, not '\(text)'") }
            return .milliseconds(Int(number * 1000))
        }
        while index < words.count {
            let word = words[index]
            switch word {
            case "--form", "-f": mode = .form
            case "--multipart": mode = .multipart
            case "--raw": raw = try value(word)
            case "--headers", "-h": options.display = .headers
            case "--verbose", "-v": options.display = .verbose
            case "--body", "-b": options.display = .body
            case "--json": options.display = .json
            case "--quiet", "-q": options.display = .quiet
            case "--output", "-o": options.outputFile = try value(word)
            case "--no-follow": options.send.followRedirects = false
            case "--follow": options.send.followRedirects = true
            case "--max-redirects":
                let text = try value(word)
                guard let count = Int(text), count >= 0 else { throw .usage("--max-redirects takes a count, not '\(text)'") }
                options.send.maxRedirects = count
            case "--timeout": options.send.timeout = try seconds(word)
            case "--connect-timeout": options.send.connectTimeout = try seconds(word)
            case "--idle-timeout": options.send.idleTimeout = try seconds(word)
            case "--max-size":
                let text = try value(word)
                guard let size = SendOptions.byteCount(text) else { throw .usage("--max-size takes a size such as 500K, 200M or 2G, not '\(text)'") }
                options.send.maxBodySize = size
            case "--insecure", "-k": options.send.insecure = true
            case "--cacert": options.send.caCertificatePath = try value(word)
            case "--auth", "-A": options.authProfile = try value(word)
            default:
                if word.hasPrefix("--") { throw .usage("unknown option '\(word)' (see `help request`)") }
                remaining.append(word)
            }
            index += 1
        }
        words = remaining
        return (options, mode, raw)
    }
}

import HTTPExchange

/// A curl command line that sends exactly the request apish sends: same method, URL, every header
/// (curl's own defaults suppressed when the request lacks them) and the same body bytes.
public enum CurlExporter {
    /// Headers curl adds by itself; an empty `-H 'Name:'` keeps them out.
    static let curlDefaults = ["User-Agent", "Accept"]
    /// What apish's transport adds to a request that lacks it (and it decompresses the answer, as
    /// `--compressed` makes curl do).
    public static let transportDefaults: HTTPHeaders = ["Accept-Encoding": "gzip, deflate"]
    /// Give it a request through `Redactor.request` for a command that may be shown or kept.
    /// - Parameter options: how the request is sent (redirects, TLS checks, timeouts), as curl flags;
    ///   nil for the request alone.
    public static func command(for request: HTTPRequest, options: SendOptions? = nil) -> String {
        var words = ["curl"]
        var prefix = ""
        let url = request.url
        if url.contains(where: { "[]{}".contains($0) }) { words.append("--globoff") }
        if RequestURL(request.url).map({ hasDotSegment($0.path) }) == true { words.append("--path-as-is") }
        let bodyMakesPost: Bool
        switch request.body {
        case .empty: bodyMakesPost = false
        default: bodyMakesPost = true
        }
        let impliedMethod = bodyMakesPost ? "POST" : "GET"
        if request.method == "HEAD" && !bodyMakesPost {
            words.append("--head")
        } else if request.method != impliedMethod {
            words += ["-X", ShellQuoting.quote(request.method)]
        }
        words.append(ShellQuoting.quote(url))
        words.append("--compressed")
        if let options { words += flags(options) }

        var headers = request.headers
        if case .form = request.body, !headers.contains("Content-Type") {
            headers.add("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
        }
        if case .bytes(let bytes) = request.body, !bytes.isEmpty, !headers.contains("Content-Type") {
            // curl would label -d data as a form; the request has no content type, so neither may curl.
            headers.add("Content-Type", "")
        }
        for field in transportDefaults where !headers.contains(field.name) { headers.add(field.name, field.value) }
        for name in curlDefaults where !headers.contains(name) { headers.add(name, "") }
        for field in headers {
            let text: String
            if field.value.isEmpty {
                // `Name:` stops curl sending its own default; `Name;` sends a header with no value.
                text = request.headers.contains(field.name) ? "\(field.name);" : "\(field.name):"
            } else {
                text = "\(field.name): \(field.value)"
            }
            words += ["-H", ShellQuoting.quote(text)]
        }

        switch request.body {
        case .empty:
            break
        case .bytes(let bytes):
            if let text = String(validating: bytes, as: UTF8.self), !text.contains("\0") {
                // `--data-binary @x` reads the file x; `--data-raw` sends a leading `@` as written.
                words += [text.hasPrefix("@") ? "--data-raw" : "--data-binary", ShellQuoting.quote(text)]
            } else {
                prefix = "printf '%b' " + ShellQuoting.quote(bytes.map { "\\x" + Hex.encode([$0]) }.joined()) + " | "
                words += ["--data-binary", "@-"]
            }
        case .form(let fields):
            let text = fields.map {
                PercentEncoding.encodeFormComponent($0.name) + "=" + PercentEncoding.encodeFormComponent($0.value)
            }.joined(separator: "&")
            words += ["--data-binary", ShellQuoting.quote(text)]
        case .multipart(let parts):
            for part in parts {
                switch part.content {
                case .text(let value):
                    words += ["--form-string", ShellQuoting.quote("\(part.name)=\(value)")]
                case .file(let path, let fileName, let type):
                    var spec = "\(part.name)=@\(path)"
                    if fileName != (path.split(separator: "/").last.map(String.init) ?? path) { spec += ";filename=\(fileName)" }
                    if let type { spec += ";type=\(type)" }
                    words += ["-F", ShellQuoting.quote(spec)]
                }
            }
        }
        return prefix + words.joined(separator: " ")
    }

    /// curl's flags for what differs from its own defaults: it follows no redirects, checks TLS, and
    /// has no time limit.
    static func flags(_ options: SendOptions) -> [String] {
        var flags: [String] = []
        if options.followRedirects { flags += ["-L", "--max-redirs", "\(options.maxRedirects)"] }
        if options.insecure { flags.append("-k") }
        if let path = options.caCertificatePath { flags += ["--cacert", ShellQuoting.quote(path)] }
        if let timeout = options.connectTimeout, timeout != SendOptions().connectTimeout {
            flags += ["--connect-timeout", seconds(timeout)]
        }
        if let timeout = options.timeout { flags += ["--max-time", seconds(timeout)] }
        return flags
    }

    private static func seconds(_ duration: Duration) -> String {
        let (whole, attoseconds) = duration.components
        let milliseconds = attoseconds / 1_000_000_000_000_000
        return milliseconds == 0 ? "\(whole)" : "\(whole).\(String(milliseconds + 1000).dropFirst())"
    }

    private static func hasDotSegment(_ path: String) -> Bool {
        path.split(separator: "/", omittingEmptySubsequences: false).contains { $0 == "." || $0 == ".." }
    }
}

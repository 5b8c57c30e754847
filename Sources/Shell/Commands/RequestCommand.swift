import Auth
import Foundation
import HTTPExchange
import JSON
import Pipeline
import Transport
import Workspace

/// `METHOD URL [items…] [flags…]`: compose, send and show a request.
enum RequestCommand {
    static let methods: Set<String> = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE"]

    /// The usual methods, or any upper-case token (`PURGE`, `PROPFIND`), as HTTP allows.
    static func isMethod(_ word: String) -> Bool {
        methods.contains(word) || (word.count >= 3 && word.allSatisfy { $0.isASCII && $0.isUppercase })
    }

    static let all: [ShellCommand] = [
        ShellCommand(
            name: "request", aliases: [], usage: "METHOD URL [ITEM…] [FLAG…]",
            summary: "send a request: GET /api/contacts limit==5",
            details: """
                URL: absolute, or relative to the environment's baseUrl; `:8080/x` is localhost.
                Items (HTTPie syntax):
                  Header:value      a header (`Header:` removes a default one, `Header;` sends it empty)
                  param==value      a query parameter
                  name=value        a JSON string field (a form field with --form)
                  name:=json        a raw JSON field: count:=3 tags:='["a","b"]'
                  name=@file        a string field read from a file;  name:=@file.json  JSON from a file
                  field@file        a file upload (with --form or --multipart)
                A body can also follow the items: a JSON document starting with { or [, or a heredoc:
                  POST /api/contacts/new <<EOF … EOF
                Flags:
                  --form, -f        send fields as a form (multipart when a file is attached)
                  --multipart       always multipart
                  --raw TEXT        send TEXT as the body
                  --headers, -h     show response headers;   --verbose, -v  the request too
                  --body, -b        the body alone;          --quiet, -q    nothing
                  --json            the whole exchange as JSON (see README "Machine output")
                  --output, -o FILE save the body to FILE as it arrives (any size)
                  --max-size SIZE   largest body kept in memory (default 100M; 500K, 2G…)
                  --no-follow       do not follow redirects;  --max-redirects N
                  --timeout S       whole exchange;           --connect-timeout S
                  --idle-timeout S  give up when the server sends nothing for S seconds (default 30)
                  --insecure, -k    skip TLS verification;    --cacert FILE  trust these CAs
                  --auth, -A NAME   use auth profile NAME, or `none`
                {{name}} expands variables anywhere; an unknown one stops the request.
                Example: PATCH /api/contacts/{{id}}/edit lastname=Byron points:=10
                """,
            run: { session, _, text throws(ShellError) in
                try await run(session: session, text: text)
            }),
    ]

    static func run(session: ShellSession, text: String) async throws(ShellError) {
        let (head, body) = try splitBody(text)
        var words = try CommandTokenizer.split(head)
        let (options, mode, rawFlag) = try RequestOptions.extract(from: &words)
        guard words.count >= 2 else { throw .usage("usage: \(words.first ?? "METHOD") URL [ITEM…] (`help request`)") }
        if body != nil && rawFlag != nil { throw .usage("give the body once: --raw or a body after the items, not both") }
        var items: [RequestItem] = []
        for word in words.dropFirst(2) {
            do { items.append(try RequestItem.parse(word)) } catch { throw .usage(error.description) }
        }
        let spec = RequestSpec(method: words[0], target: words[1], items: items, bodyMode: mode, rawBody: body ?? rawFlag)
        let record = try await session.send(spec, options: options)
        try session.display(record)
    }

    /// Separates a body given after the items: a heredoc (`<<EOF` … `EOF`) or a JSON document
    /// whose opening `{` or `[` starts a word.
    static func splitBody(_ text: String) throws(ShellError) -> (head: String, body: String?) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if let first = lines.first, let marker = first.split(separator: " ").last, marker.hasPrefix("<<"), marker.count > 2 {
            let terminator = marker.dropFirst(2).trimmingCharacters(in: "'\"")
            let rest = lines.dropFirst()
            guard let end = rest.lastIndex(where: { $0.trimmingCharacters(in: " ") == terminator }) else {
                throw .parse("the body started with <<\(terminator) has no closing \(terminator) line")
            }
            let head = first.dropLast(marker.count)
            return (String(head), rest[rest.startIndex..<end].joined(separator: "\n"))
        }
        var quote: Character?
        var previous: Character = " "
        for index in text.indices {
            let character = text[index]
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "'" || character == "\"" {
                quote = character
            } else if (character == "{" || character == "[") && (previous == " " || previous == "\n" || previous == "\t") {
                if character == "{" && text[index...].hasPrefix("{{") { previous = character; continue }
                return (String(text[..<index]), String(text[index...]))
            }
            previous = character
        }
        return (text, nil)
    }
}

extension ShellSession {
    /// Expands, authorizes, sends and records a request.
    func send(_ spec: RequestSpec, options: RequestOptions) async throws(ShellError) -> ExchangeRecord {
        let environment = try resolvedEnvironment()
        let variables = variables(in: environment)
        let baseURL = variables.value(of: "baseUrl")
        var request: HTTPRequest
        do {
            request = try spec.build(variables: variables, baseURL: baseURL) { path in
                let resolved = self.resolveLocalPath(path)
                guard let data = FileManager.default.contents(atPath: resolved) else {
                    throw FileError(path: path, reason: FileManager.default.fileExists(atPath: resolved) ? "permission denied" : "no such file")
                }
                return Array(data)
            }
        } catch {
            switch error {
            case .unknownVariable(let name): throw .usage(explainUnknown(name))
            case .unreadableFile: throw .runtime(error.description)
            default: throw .usage(error.description)
            }
        }
        authRegistry.secrets.registerCredentials(in: request)
        let signer = try signer(for: request, options: options, environment: environment, variables: variables)
        let response: HTTPResponse
        do {
            if let warning = signer?.session.warning(for: request) { output.warn(warning) }
            if signer == nil { warnAboutPlainHTTPCredentials(request) }
            var sendOptions = options.send
            sendOptions.bodyFile = options.outputFile.map(resolveLocalPath)
            let exchange = try await AuthorizedExchange.send(request, authorizer: signer?.session, through: transport(), options: sendOptions)
            request = exchange.request
            response = exchange.response
        } catch let error as TransportError {
            throw .runtime(error.description)
        } catch is CancellationError {
            throw .runtime("request cancelled")
        } catch let error as AuthorizationError {
            throw .runtime("auth profile '\(signer?.profile ?? "")': \(error)")
        } catch {
            throw .runtime("request failed: \(error)")
        }
        let record = ExchangeRecord(
            number: (exchanges.last?.number ?? 0) + 1, spec: spec, options: options, request: request,
            response: response, environment: environmentName, authProfile: signer?.profile)
        self.record(record)
        saveCookies()
        return record
    }

    func warnAboutPlainHTTPCredentials(_ request: HTTPRequest) {
        guard let url = RequestURL(request.url), url.scheme == "http", !url.isLoopback,
            let authorization = request.headers["Authorization"], authorization.lowercased().hasPrefix("basic ")
        else { return }
        output.warn("sending Basic credentials over plain http to \(url.host): anyone on the path can read them")
    }

    func display(_ record: ExchangeRecord) throws(ShellError) {
        let redactor = redactor
        let view = ExchangeView(style: output.style, redactor: redactor)
        let response = record.response
        if let file = record.options.outputFile {
            output.line(view.statusLine(response))
            output.line("saved \(ExchangeView.size(response.bodySize)) to \(file)")
            return
        }
        switch record.options.display {
        case .quiet:
            return
        case .json:
            output.line(ExchangeDocument.make(record, redactor: redactor).serialized(style: output.style.jsonStyle))
            return
        case .body:
            writeBody(view.body(response))
            return
        case .verbose:
            output.line(view.request(record.request))
            output.line()
            for hop in response.redirects {
                output.line("\(hop.version) \(hop.statusText)")
                output.line(output.style.paint("Location", .cyan) + ": " + redactor.url(hop.location))
                output.line()
            }
            fallthrough
        case .headers:
            output.line(view.statusLine(response))
            output.line(view.headers(response.headers))
            output.line()
        case .normal:
            // Piped output gets the body alone, as HTTPie does; the status still reaches the person.
            if output.style.isTerminal {
                output.line(view.statusLine(response))
            } else {
                output.errorLine(view.statusLine(response))
            }
        }
        writeBody(view.body(response))
    }

    /// On a terminal, a long body shows its first screenful and says how to see the rest.
    private func writeBody(_ body: String) {
        guard !body.isEmpty else { return }
        let limit = max(output.style.height - 6, 10)
        if interactive && output.style.isTerminal {
            let lines = body.split(separator: "\n", omittingEmptySubsequences: false)
            if lines.count > limit {
                output.line(lines.prefix(limit).joined(separator: "\n"))
                output.line(output.style.paint("… \(lines.count - limit) more lines: `show body` prints all, `q EXPR` picks parts", .dim))
                return
            }
        }
        output.line(body)
    }
}

extension StringProtocol {
    func trimmingCharacters(in set: String) -> String {
        String(drop { set.contains($0) }.reversed().drop { set.contains($0) }.reversed())
    }
}

import Foundation
import HTTPExchange
import Hurl
import Interop
import JSON
import JSONPath
import OpenAPI
import Pipeline
import Runner
import Workspace

/// `expect`, `save`, `collections`, `run`, `import curl`: what was explored becomes a regression suite.
enum CollectionCommands {
    static let all: [ShellCommand] = [
        ShellCommand(
            name: "expect", usage: "expect ASSERT",
            summary: "check the last response now, Hurl-style: expect status == 200",
            details: """
                ASSERT is a Hurl assert: a query, optional filters, a predicate.
                  expect status == 201
                  expect header "Content-Type" contains "json"
                  expect jsonpath "$.contact.id" exists
                  expect .contact.fields.all.email == "ada@example.com"     (shorthand for jsonpath)
                  expect jsonpath "$.contacts" count > 0
                  expect duration < 500
                  expect schema        (the response conforms to the OpenAPI description: status, type, body)
                Passing expectations are remembered with the exchange: `save` writes them as [Asserts].
                In a script a failed expectation stops it with exit code 4.
                """,
            run: { session, _, text throws(ShellError) in
                let assert = String(text.drop { $0 != " " }.drop { $0 == " " })
                if assert.trimmingCharacters(in: .whitespaces) == "schema" {
                    try await expectSchema(session: session)
                } else {
                    try expect(session: session, text: assert)
                }
            }),
        ShellCommand(
            name: "save", usage: "save NAME [FILE]",
            summary: "append the last request, its expectations and captures to a collection",
            details: """
                Writes a Hurl entry — templates kept as typed ({{id}}, never its value or a token), the status
                as `HTTP <code>`, every `expect` as [Asserts], every `set X = QUERY` as [Captures], and the auth
                profile used as `# @auth NAME` — to collections/NAME.hurl, or to FILE under a `# NAME` comment.
                Replay with `run`, or `apish run collections/… --env NAME` in CI.
                Example: save contacts/create
                """,
            run: { session, arguments, _ throws(ShellError) in
                guard let name = arguments.first, arguments.count <= 2 else { throw .usage("usage: save NAME [FILE]") }
                try save(session: session, name: name, file: arguments.count == 2 ? arguments[1] : nil)
            }),
        ShellCommand(
            name: "collections", aliases: ["ls"], usage: "collections",
            summary: "list the saved collections (collections/**.hurl) and their requests",
            run: { session, _, _ throws(ShellError) in
                let files = (try? HurlFileCollector.collect([session.workspace.collectionsFolder])) ?? []
                if files.isEmpty { session.output.line("no collections yet: `save NAME` after a request") }
                let prefix = session.workspace.root + "/"
                for path in files {
                    let shown = path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
                    let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
                    let count = (try? HurlParser.parse(text, fileName: shown).entries.count).map { "\($0) request\($0 == 1 ? "" : "s")" } ?? "does not parse"
                    session.output.line("\(session.output.style.paint(shown, .cyan))  \(count)")
                }
            }),
        ShellCommand(
            name: "run", usage: "run PATH… [--auth NAME] [--verbose] [--report-html DIR]",
            summary: "replay collections here, with this run's variables and the environment's auth",
            details: """
                The same runner as `apish run`: captures flow between entries, asserts are checked, and the
                summary ends with `N passed, M failed`. In a script, failures give Hurl's exit codes.
                Entries are sent as written, as Hurl would: an entry signs with a profile only when a
                `# @auth NAME` line names it (`save` writes one), or with `--auth NAME` for every entry
                that carries no Authorization header of its own. `--report-html DIR` writes DIR/index.html,
                the page `apish run --report-html` writes.
                Example: run collections/mautic/basic.hurl
                """,
            run: { session, arguments, _ throws(ShellError) in
                try await runCollections(session: session, arguments: arguments)
            }),
        ShellCommand(
            name: "import", usage: "import curl 'curl …'",
            summary: "send a curl command copied from docs or a browser, as an apish request",
            details: """
                Understands -X, -H, -d/--data/--data-raw/--data-binary/--data-urlencode, --json, -F, -u, -G,
                -b, -k, -L, --url and --compressed, quoting and line continuations. The request is sent
                and recorded like a typed one, so `show`, `expect` and `save` apply to it.
                Example: import curl 'curl -H "Accept: application/json" https://api.example.test/items'
                """,
            run: { session, _, text throws(ShellError) in
                let rest = String(text.drop { $0 != " " }.drop { $0 == " " })
                let words = try CommandTokenizer.split(rest)
                guard words.first == "curl", words.count >= 2 else {
                    throw .usage("usage: import curl 'curl …' (Postman collections: `apish import postman FILE`)")
                }
                // `import curl 'curl -X …'` (quoted, as copied) or `import curl -X …` (typed out).
                let command = words.count == 2 && words[1].hasPrefix("curl ") ? words[1] : rest
                try await importCurl(session: session, command: command)
            }),
    ]

    // MARK: expect

    static func expect(session: ShellSession, text: String) throws(ShellError) {
        guard !text.isEmpty else { throw .usage("usage: expect ASSERT, e.g. expect status == 200") }
        let record = try session.exchange(nil)
        let assert = try parseAssert(text, response: record.response)
        let variables = try runVariables(session)
        let result = ResponseChecks.check(assert, response: record.response, variables: variables, directory: session.workspace.root, redactor: session.redactor)
        let style = session.output.style
        guard result.passed else {
            var message = "expectation failed: \(result.expression)\n  expected: \(result.expected)\n  actual:   \(result.actual)"
            if let error = result.error { message += "\n  \(error)" }
            throw .expectation(message)
        }
        session.exchanges[session.exchanges.count - 1].expectations.append(assert)
        session.output.line(style.paint("✓ ", .boldGreen) + result.expression)
    }

    /// `expect schema`: the last response against the operation the OpenAPI description has for it.
    static func expectSchema(session: ShellSession) async throws(ShellError) {
        let record = try session.exchange(nil)
        let description = try await session.openAPIDescription()
        let response = record.response
        switch description.conformance(
            method: record.request.method, url: record.request.url, status: response.status,
            contentType: response.headers["Content-Type"], body: response.body)
        {
        case .conforms(let checked):
            session.output.line(session.output.style.paint("✓ ", .boldGreen) + "conforms to \(checked)")
        case .violates(let checked, let problems):
            let lines = problems.prefix(20).map { "  " + session.redactor.fields($0) }
                + (problems.count > 20 ? ["  … \(problems.count - 20) more"] : [])
            throw .expectation("does not conform to \(checked):\n" + lines.joined(separator: "\n"))
        case .undescribed(let reason):
            throw .expectation("cannot check the schema: \(reason)")
        }
    }

    /// Parses one Hurl assert, accepting the shell's path shorthand as its first word.
    static func parseAssert(_ text: String, response: HTTPResponse) throws(ShellError) -> HurlAssert {
        var line = text
        if let first = text.first, first == "." || first == "$" {
            let path = String(text.prefix { $0 != " " })
            guard let strict = QueryCommands.savedJSONPath(path, response: response) else {
                throw .parse("'\(path)' is not a JSONPath the response can answer; write it as jsonpath \"$…\"")
            }
            line = "jsonpath " + JSONValue.quoted(strict) + text.dropFirst(path.count)
        }
        do {
            return try HurlParser.parseAssert(line, fileName: "expect")
        } catch {
            let caret = String(repeating: " ", count: max(error.column - 1, 0)) + "^"
            throw .parse("expect: \(error.message)\n  \(line)\n  \(caret)")
        }
    }

    static func runVariables(_ session: ShellSession) throws(ShellError) -> VariableStore {
        let variables = try session.variables()
        var store = VariableStore()
        for name in variables.names {
            if let value = variables.value(of: name) { store.set(name, .string(value), secret: variables.isSecret(name)) }
        }
        return store
    }

    // MARK: save

    static func save(session: ShellSession, name: String, file: String?) throws(ShellError) {
        let record = try session.exchange(nil)
        let path: String
        if let file {
            path = session.resolveLocalPath(file.hasSuffix(".hurl") ? file : file + ".hurl")
        } else {
            guard !name.contains(".."), !name.hasPrefix("/") else { throw .usage("'\(name)' must stay under collections/") }
            path = session.workspace.collectionsFolder + "/" + name + ".hurl"
        }
        var entry = try SavedEntryWriter.entry(record: record, title: name)
        try keepCredentialsOut(of: &entry, session: session)
        var collection = HurlFile(fileName: path, entries: [])
        if let existing = try? String(contentsOfFile: path, encoding: .utf8) {
            do { collection = try HurlParser.parse(existing, fileName: path) } catch {
                throw .runtime("the collection \(path) does not parse (nothing written): \(error.rendered)")
            }
        }
        if !collection.entries.isEmpty { entry.request.trivia.leadingLines.insert(.blank, at: 0) }
        collection.entries.append(entry)
        do { try AtomicFile.write(HurlWriter.write(collection), to: path) } catch { throw .runtime("\(error)") }
        let shown = path.hasPrefix(session.workspace.root + "/") ? String(path.dropFirst(session.workspace.root.count + 1)) : path
        session.output.line("saved \(record.spec.method) \(record.spec.target) to \(shown)")
    }

    /// Credentials typed as text become `{{name}}` in the entry and secrets of the environment in use.
    static func keepCredentialsOut(of entry: inout HurlEntry, session: ShellSession) throws(ShellError) {
        let environment = try session.resolvedEnvironment()
        let variables = session.variables(in: environment)
        var existing: [String: String?] = [:]
        for name in variables.names {
            let secretValue: String? = variables.isSecret(name) ? variables.value(of: name) : nil
            existing.updateValue(secretValue, forKey: name)
        }
        var credentials = LiteralCredentials(existing: existing)
        credentials.extract(from: &entry)
        guard !credentials.secrets.isEmpty else { return }
        let names = credentials.secrets.map(\.name).joined(separator: ", ")
        guard let environment else {
            throw .usage("the request carries credentials typed as text (\(names)), which a collection never holds: "
                         + "`env use NAME` first, and `save` keeps them as secrets of that environment")
        }
        for secret in credentials.secrets {
            do { try session.workspace.storeSecret(environment: environment.name, name: secret.name, value: secret.value) } catch {
                throw .runtime("\(error)")
            }
        }
        session.output.note("the credentials typed in the request are saved as {{\(credentials.secrets.map(\.name).joined(separator: "}}, {{"))}}: "
                            + "secrets of environment '\(environment.name)', values in the state folder")
    }

    // MARK: run

    static func runCollections(session: ShellSession, arguments: [String]) async throws(ShellError) {
        var paths = arguments
        let verbose = QueryCommands.remove("--verbose", from: &paths)
        func value(of option: String) throws(ShellError) -> String? {
            guard let index = paths.firstIndex(of: option) else { return nil }
            guard index + 1 < paths.count else { throw .usage("\(option) needs a value") }
            defer { paths.removeSubrange(index...(index + 1)) }
            return paths[index + 1]
        }
        let authOverride = try value(of: "--auth")
        let htmlFolder = try value(of: "--report-html")
        guard !paths.isEmpty else { throw .usage("usage: run PATH… (a .hurl file or a folder of them)") }
        let files: [String]
        do { files = try HurlFileCollector.collect(paths.map(session.resolveLocalPath)) } catch { throw .usage(error.message) }
        var configuration = RunConfiguration()
        if let environment = try session.resolvedEnvironment() {
            RunEnvironment.apply(environment, variables: session.variables(in: environment), registry: session.authRegistry,
                                 authProfile: authOverride, to: &configuration)
        } else {
            let variables = try runVariables(session)
            configuration.variables = variables.values
            configuration.secretNames = variables.secretNames
            configuration.baseURL = variables.values["baseUrl"].map(\.display)
            if let authOverride { throw .usage("--auth \(authOverride): auth profiles belong to an environment; `env use NAME` first") }
        }
        // The shell's session cookies go with the run, as `[Cookies]` sections expect.
        configuration.cookieJar = session.cookieJar()
        let runner = HurlRunner(transport: session.transport(), configuration: configuration)
        let output = session.output
        let result = await runner.run(paths: files) { file in
            if verbose {
                for entry in file.entries {
                    output.line("* \(file.fileName):\(entry.line) \(entry.method) \(entry.url) → \(entry.response.map { String($0.status) } ?? "no response")")
                }
            }
            let failures = TextReport.failures(file)
            if !failures.isEmpty { output.errorLine(failures) }
        }
        output.write(TextReport.summary(result))
        if let htmlFolder {
            let page = session.resolveLocalPath(htmlFolder) + "/index.html"
            do throws(FileError) {
                var output = try AtomicTextStream(path: page)
                HTMLReport.write(result, date: Date(), to: &output)
                try output.finish()
            } catch { throw .runtime("\(error)") }
        }
        switch result.exitCode {
        case .success: return
        case .assertFailure: throw .expectation("the run had failed asserts")
        case .parseError: throw .parse("a collection does not parse")
        case .usage: throw .usage("the run could not start")
        default: throw .runtime("the run had runtime errors")
        }
    }

    // MARK: import curl

    static func importCurl(session: ShellSession, command: String) async throws(ShellError) {
        let imported: CurlImport
        do { imported = try CurlImporter.parse(command) } catch { throw .parse("\(error)") }
        let request: HTTPRequest
        do {
            request = try imported.httpRequest { path in
                guard let data = FileManager.default.contents(atPath: session.resolveLocalPath(path)) else {
                    throw FileError(path: path, reason: "no such file")
                }
                return Array(data)
            }
        } catch { throw .runtime("\(error)") }
        var options = RequestOptions()
        options.send.insecure = imported.insecure
        options.send.followRedirects = imported.followRedirects
        options.authProfile = "none"
        let record = try await session.send(RequestSpec(sending: request), options: options)
        try session.display(record)
    }
}

extension RequestSpec {
    /// A spec that sends exactly `request`, for requests that arrive whole (an imported curl command).
    init(sending request: HTTPRequest) {
        var items: [RequestItem] = request.headers.map { .header(name: $0.name, value: $0.value) }
        var mode = BodyMode.json
        var raw: String?
        switch request.body {
        case .empty: break
        case .bytes(let bytes): raw = String(decoding: bytes, as: UTF8.self)
        case .form(let fields):
            mode = .form
            items += fields.map { .field(name: $0.name, value: $0.value) }
        case .multipart(let parts):
            mode = .multipart
            items += parts.map { part in
                switch part.content {
                case .text(let value): .field(name: part.name, value: value)
                case .file(let path, _, let type): .fileUpload(name: part.name, path: path, contentType: type)
                }
            }
        }
        if !request.headers.contains("Accept") { items.append(.removeHeader(name: "Accept")) }
        self.init(method: request.method, target: request.url, items: items, bodyMode: mode, rawBody: raw)
    }
}

import HTTPExchange
import Hurl
import JSON
import JSONPath

/// `q`: JSONPath (or its shorthand) over a response body.
enum QueryCommands {
    static let all: [ShellCommand] = [
        ShellCommand(
            name: "q", aliases: ["query"], usage: "q [N] EXPR [--paths|--raw]",
            summary: "query the last response (or exchange N) with JSONPath: q $.contacts.*.id",
            details: """
                EXPR is RFC 9535 JSONPath ($.contact.fields.all.email, $..id, $.contacts[?@.points > 10])
                or the shorthand: .contact.id   contacts[0].email   ..id   .contacts.*.fields.all.email
                One match prints the value; several print a JSON array.
                  --paths  print the normalized path of each match
                  --raw    print strings without quotes
                Example: q 3 $.contacts.*.fields.all.email
                """,
            run: { session, _, text throws(ShellError) in
                let line = QueryLine(text)
                guard !line.expression.isEmpty else { throw .usage("usage: q [N] EXPR") }
                let record = try session.exchange(line.exchange)
                let nodes = try evaluate(line.expression, on: record.response)
                session.output.line(render(nodes, paths: line.paths, raw: line.raw, style: session.output.style))
            }),
    ]

    static func remove(_ flag: String, from arguments: inout [String]) -> Bool {
        guard let index = arguments.firstIndex(of: flag) else { return false }
        arguments.remove(at: index)
        return true
    }

    static func compile(_ expression: String) throws(ShellError) -> JSONPathQuery {
        do {
            return try JSONPathQuery(shorthand: expression)
        } catch {
            throw .parse("invalid path: \(error.message)\n  \(expression)\n  \(String(repeating: " ", count: max(error.column - 1, 0)))^")
        }
    }

    /// The body read in place: a large response is queried without building its tree.
    static func document(_ response: HTTPResponse) throws(ShellError) -> JSONDocument {
        do { return try JSONDocument(response.body) } catch { throw .runtime("the response body is not JSON (\(error))") }
    }

    /// The matches, only they made into values.
    static func evaluate(_ expression: String, on response: HTTPResponse) throws(ShellError) -> [JSONPathNode] {
        let query = try compile(expression)
        let document = try document(response)
        return query.evaluate(document).map { JSONPathNode(path: $0.path, value: document.value(of: $0.node)) }
    }

    static func render(_ nodes: [JSONPathNode], paths: Bool, raw: Bool, style: TerminalStyle) -> String {
        if paths { return nodes.map(\.path).joined(separator: "\n") }
        if nodes.count == 1 {
            if raw, case .string(let text) = nodes[0].value { return text }
            return nodes[0].value.serialized(style: style.jsonStyle)
        }
        if raw { return nodes.map { if case .string(let text) = $0.value { text } else { $0.value.serialized() } }.joined(separator: "\n") }
        return JSONValue.array(nodes.map(\.value)).serialized(style: style.jsonStyle)
    }

    /// The text to keep in a collection for a shell query: strict JSONPath that Hurl also reads.
    static func savedJSONPath(_ expression: String, response: HTTPResponse) -> String? {
        for candidate in [expression, "$" + expression, "$." + expression] where (try? JSONPathQuery(candidate)) != nil {
            return candidate
        }
        guard let query = try? JSONPathQuery(shorthand: expression), query.isSingular,
            let document = try? JSONDocument(response.body), let node = query.evaluate(document).first
        else { return nil }
        return node.path
    }
}

/// `q [N] [--paths] [--raw] EXPR [--paths] [--raw]` read from the line as typed: the expression is the
/// rest of the line, so its string literals keep their quotes (`q $..[?@.name=='Ada'].id`).
struct QueryLine: Equatable {
    var exchange: Int?
    var paths = false
    var raw = false
    var expression = ""

    init(_ text: String) {
        var rest = Self.dropWord(Substring(text.prefix { $0 != "\n" }))
        options: while true {
            rest = rest.drop(while: \.isBlank)
            let word = rest.prefix { !$0.isBlank }
            let after = rest[word.endIndex...]
            switch word {
            case "--paths": paths = true
            case "--raw": raw = true
            case _ where exchange == nil && after.contains(where: { !$0.isBlank }) && Int(word) != nil: exchange = Int(word)
            default: break options
            }
            rest = after
        }
        var expression = rest.trimmingCharacters(in: " \t")
        while let flag = ["--paths", "--raw"].first(where: { expression.hasSuffix(" " + $0) }) {
            if flag == "--paths" { paths = true } else { raw = true }
            expression = expression.dropLast(flag.count).trimmingCharacters(in: " \t")
        }
        self.expression = Self.unquoted(expression)
    }

    private static func dropWord(_ text: Substring) -> Substring {
        text.drop(while: \.isBlank).drop { !$0.isBlank }
    }

    /// A whole expression in quotes, as it had to be written before, is taken without them: no JSONPath
    /// query starts with a quote.
    static func unquoted(_ expression: String) -> String {
        guard expression.count >= 2, let quote = expression.first, quote == "'" || quote == "\"", expression.last == quote,
            !expression.dropFirst().dropLast().contains(quote)
        else { return expression }
        return String(expression.dropFirst().dropLast())
    }
}

/// `set`, `unset`, `vars`: variables for this run.
enum VariableCommands {
    static let all: [ShellCommand] = [
        ShellCommand(
            name: "set", usage: "set NAME = VALUE | set NAME = EXPR",
            summary: "set a variable, or capture one from the last response: set id = $.contact.id",
            details: """
                A value starting with `$` or `.` is a JSONPath/shorthand over the last response; its single
                match is captured (strings without quotes). Quote a literal that starts with those.
                Captures are remembered with the exchange, and `save` writes them as [Captures].
                Variables set here last for this run and win over the environment's.
                Example: set id = .contact.id
                """,
            run: { session, arguments, text throws(ShellError) in
                try setVariable(session: session, arguments: arguments, text: text)
            }),
        ShellCommand(
            name: "unset", usage: "unset NAME…", summary: "forget variables set in this run",
            run: { session, arguments, _ throws(ShellError) in
                guard !arguments.isEmpty else { throw .usage("usage: unset NAME…") }
                for name in arguments where session.sessionVariables.removeValue(forKey: name) == nil {
                    throw .usage("'\(name)' is not set in this run (environment variables change with `env unset`)")
                }
            }),
        ShellCommand(
            name: "vars", usage: "vars", summary: "list variables: this run's, then the environment's (secrets masked)",
            run: { session, _, _ throws(ShellError) in
                let variables = try session.variables()
                let style = session.output.style
                for name in variables.names {
                    let value = variables.isSecret(name) ? Redactor.mask : (variables.value(of: name) ?? "")
                    let origin = session.sessionVariables[name] != nil ? "set" : (variables.isSecret(name) ? "secret" : "env")
                    session.output.line("\(style.paint(name, .cyan)) = \(value)  \(style.paint("(\(origin))", .dim))")
                }
                if let missing = try session.resolvedEnvironment()?.missingSecrets, !missing.isEmpty {
                    session.output.line(style.paint("secrets without a value: \(missing.joined(separator: ", ")) (`env secret NAME`)", .yellow))
                }
            }),
    ]

    static func setVariable(session: ShellSession, arguments: [String], text: String) throws(ShellError) {
        // `set NAME = VALUE` keeps VALUE as typed after `=`, spaces included.
        let afterCommand = text.drop { $0 != " " }.drop { $0 == " " }
        guard let equals = afterCommand.firstIndex(of: "=") else { throw .usage("usage: set NAME = VALUE") }
        let name = afterCommand[..<equals].trimmingCharacters(in: " ")
        var value = afterCommand[afterCommand.index(after: equals)...].trimmingCharacters(in: " ")
        guard HurlPlaceholder.isVariableName(name) else {
            throw .usage(UnknownVariableError(name: name).description)
        }
        if value.hasPrefix("$") || (value.hasPrefix(".") && value.count > 1) {
            guard let record = session.lastExchange else { throw .usage("no response to capture from: send a request first") }
            let nodes = try QueryCommands.evaluate(value, on: record.response)
            guard nodes.count == 1 else {
                throw .runtime("\(value) matched \(nodes.count) values; a capture needs exactly one")
            }
            let captured: String = if case .string(let text) = nodes[0].value { text } else { nodes[0].value.serialized() }
            session.sessionVariables[name] = captured
            if let saved = QueryCommands.savedJSONPath(value, response: record.response) {
                session.exchanges[session.exchanges.count - 1].captures.append(
                    HurlCapture(name: HurlTemplate(text: name), query: .jsonpath(HurlTemplate(text: saved))))
            }
            session.output.line("\(session.output.style.paint(name, .cyan)) = \(captured)")
            return
        }
        if value.count >= 2, let first = value.first, (first == "\"" || first == "'"), value.last == first {
            value = String(value.dropFirst().dropLast())
        }
        session.sessionVariables[name] = value
    }
}

extension Character {
    fileprivate var isBlank: Bool { self == " " || self == "\t" }
}

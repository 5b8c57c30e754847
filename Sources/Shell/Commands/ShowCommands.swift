import HTTPExchange
import Interop
import JSON

/// `show`, `history`: look again at what was sent and received.
enum ShowCommands {
    static let all: [ShellCommand] = [
        ShellCommand(
            name: "show", usage: "show [N] [status|headers|body|request|raw|curl|json]",
            summary: "show the last exchange (or #N) again, in part or as curl",
            details: """
                status    the status line          headers   response headers
                body      the whole body            request   the request as sent (credentials masked)
                raw       the body exactly as received
                curl      a curl command that sends the same request (secrets masked;
                          `show curl --reveal` shows them)
                json      the exchange as JSON (see README "Machine output")
                Example: show 2 headers
                """,
            run: { session, arguments, _ throws(ShellError) in
                var arguments = arguments
                let reveal = QueryCommands.remove("--reveal", from: &arguments)
                var number: Int?
                if let first = arguments.first, let value = Int(first) {
                    number = value
                    arguments.removeFirst()
                }
                let record = try session.exchange(number)
                let view = ExchangeView(style: session.output.style, redactor: session.redactor)
                let output = session.output
                switch arguments.first ?? "all" {
                case "all":
                    output.line(view.statusLine(record.response))
                    output.line(view.headers(record.response.headers))
                    output.line()
                    output.line(view.body(record.response))
                case "status": output.line(view.statusLine(record.response))
                case "headers": output.line(view.headers(record.response.headers))
                case "body": output.line(view.body(record.response))
                case "raw": output.write(String(decoding: record.response.body, as: UTF8.self))
                case "request": output.line(view.request(record.request))
                case "curl": output.line(CurlExporter.command(for: reveal ? record.request : session.redactor.request(record.request), options: record.options.send))
                case "json": output.line(ExchangeDocument.make(record, redactor: session.redactor).serialized(style: output.style.jsonStyle))
                case let other:
                    throw .usage("unknown `show \(other)`: status, headers, body, request, raw, curl or json")
                }
            }),
        ShellCommand(
            name: "history", usage: "history", summary: "the numbered exchanges of this run",
            run: { session, _, _ throws(ShellError) in
                let style = session.output.style
                if session.exchanges.isEmpty { session.output.line("no exchanges yet") }
                for record in session.exchanges {
                    let status = record.response.status
                    let code: ANSI = status < 300 ? .green : status < 400 ? .cyan : status < 500 ? .yellow : .red
                    session.output.line(
                        "\(style.paint(String(record.number), .bold))  \(record.spec.method) \(record.spec.target)  "
                            + "\(style.paint(String(status), code))  \(ExchangeView.milliseconds(record.response.elapsed))  "
                            + ExchangeView.size(record.response.body.count))
                }
            }),
    ]
}

import HTTPExchange

/// `help`, `clear`, `echo`, `exit`.
enum GeneralCommands {
    static let all: [ShellCommand] = [
        ShellCommand(
            name: "help", aliases: ["?"], usage: "help [COMMAND]", summary: "list commands, or explain one",
            run: { session, arguments, _ throws(ShellError) in
                let output = session.output
                let style = output.style
                guard let name = arguments.first else {
                    output.line(style.paint("Requests", .bold) + "  METHOD URL [items…]   e.g. GET /api/contacts limit==5   (`help request`)")
                    for command in ShellSession.commands where command.name != "request" {
                        let label = command.name.padding(toLength: 12)
                        output.line("  \(style.paint(label, .cyan)) \(command.summary)")
                    }
                    output.line(style.paint("`help COMMAND` gives details and an example.", .dim))
                    return
                }
                // A method counts only as typed (`help GET`): upper-casing would turn every word into one.
                let key = RequestCommand.isMethod(name) ? "request" : name
                guard let command = ShellSession.command(named: key) else {
                    let names = ShellSession.commands.flatMap { [$0.name] + $0.aliases }
                    let hint = EditDistance.closest(to: name, among: names)
                    throw .usage("no command '\(name)'" + (hint.map { " — did you mean `\($0)`?" } ?? " (`help` lists commands)"))
                }
                output.line(style.paint(command.usage, .bold))
                output.line(command.summary)
                if !command.aliases.isEmpty { output.line("aliases: " + command.aliases.joined(separator: ", ")) }
                if !command.details.isEmpty { output.line(); output.line(command.details) }
            }),
        ShellCommand(
            name: "echo", usage: "echo TEXT", summary: "print text with {{variables}} expanded",
            run: { session, arguments, _ throws(ShellError) in
                let variables = try session.variables()
                do throws(UnknownVariableError) {
                    session.output.line(try Template(arguments.joined(separator: " ")).expand(variables.maskingSecrets()))
                } catch {
                    throw .usage(session.explainUnknown(error.name))
                }
            }),
        ShellCommand(
            name: "clear", usage: "clear", summary: "clear the screen",
            run: { session, _, _ throws(ShellError) in
                if session.output.style.isTerminal { session.output.write("\u{1B}[H\u{1B}[2J") }
            }),
        ShellCommand(
            name: "exit", aliases: ["quit"], usage: "exit", summary: "leave the shell (Ctrl-D too)",
            run: { session, _, _ throws(ShellError) in session.requestExit() }),
    ]
}

extension String {
    func padding(toLength length: Int) -> String {
        count >= length ? self + " " : self + String(repeating: " ", count: length - count)
    }
}

import HTTPExchange
import Workspace

/// `env …`: named environments, one human-editable file each under `environments/`.
enum EnvironmentCommands {
    static let all: [ShellCommand] = [
        ShellCommand(
            name: "env", usage: "env [list|new|use|show|set|unset|secret|rm] …",
            summary: "manage environments: env use sandbox, env set baseUrl https://m.example.com",
            details: """
                env list                    the environments of this workspace (* marks the one in use)
                env new NAME [BASE_URL]     create environments/NAME.env (and use it)
                env use NAME | env use -    switch environment (- for none)
                env show [NAME]             its variables and auth profiles, secrets masked
                env set NAME VALUE          set a variable in the file of the environment in use
                env unset NAME              remove it
                env secret NAME [VALUE]     declare a secret; its value goes to the per-user state
                                            folder (0600), never the workspace. Without VALUE it is
                                            asked for without echo. `env secret NAME --from VAR`
                                            reads it from the process environment variable VAR instead.
                env rm NAME                 delete an environment and its stored secrets
                Two variables mean more: `baseUrl`, which relative URLs resolve against, and `hosts`, the
                origins besides baseUrl's that the default auth profile (`auth = NAME`) may sign
                (env set hosts https://api.example.com uploads.example.com:8443); elsewhere requests go
                without credentials unless `--auth NAME` says otherwise.
                Example: env new prod https://mautic.example.com
                """,
            run: { session, arguments, _ throws(ShellError) in
                try await run(session: session, arguments: arguments)
            }),
    ]

    static func run(session: ShellSession, arguments: [String]) async throws(ShellError) {
        let workspace = session.workspace
        let output = session.output
        let style = output.style
        let subcommand = arguments.first ?? "list"
        let rest = Array(arguments.dropFirst())
        func current() throws(ShellError) -> String {
            guard let name = session.environmentName else { throw .usage("no environment in use: `env use NAME` or `env new NAME`") }
            return name
        }
        func edit(_ name: String, _ change: (inout EnvironmentDocument) throws(ShellError) -> Void) throws(ShellError) {
            do {
                var document = try workspace.loadEnvironment(name)
                try change(&document)
                try workspace.saveEnvironment(name, document)
            } catch let error as ShellError {
                throw error
            } catch {
                throw .runtime("\(error)")
            }
        }
        switch subcommand {
        case "list", "ls":
            let names = workspace.environmentNames()
            if names.isEmpty { output.line("no environments yet: `env new NAME [BASE_URL]`") }
            for name in names {
                let marker = name == session.environmentName ? style.paint("* ", .boldGreen) : "  "
                output.line(marker + name)
            }
        case "new":
            guard let name = rest.first, rest.count <= 2 else { throw .usage("usage: env new NAME [BASE_URL]") }
            guard !workspace.environmentExists(name) else { throw .usage("environment '\(name)' exists: `env use \(name)`") }
            var document = EnvironmentDocument(lines: [.comment("# apish environment '\(name)': NAME = VALUE lines; `secret NAME` values live outside the workspace")])
            if rest.count == 2 { document.set(.init(key: "baseUrl", value: rest[1])) }
            do { try workspace.saveEnvironment(name, document) } catch { throw .runtime("\(error)") }
            try session.useEnvironment(name)
            output.line("created environments/\(name).env and switched to it")
        case "use":
            guard let name = rest.first, rest.count == 1 else { throw .usage("usage: env use NAME") }
            try session.useEnvironment(name == "-" ? nil : name)
            await session.prefetchOpenAPIDescription()
        case "show":
            let name = if let given = rest.first { given } else { try current() }
            let resolved: ResolvedEnvironment
            do { resolved = try workspace.variables(environment: name, processEnvironment: session.processEnvironment) } catch {
                throw .usage("\(error)")
            }
            output.line(style.paint("# environments/\(name).env", .dim))
            for line in resolved.document.lines {
                switch line {
                case .blank: output.line()
                case .comment(let text): output.line(style.paint(text, .dim))
                case .section(let kind, let sectionName): output.line(style.paint("[\(kind) \(sectionName)]", .bold))
                case .entry(let entry):
                    let value: String = entry.isSecret
                        ? (resolved.missingSecrets.contains(entry.key) ? "(no value)" : Redactor.mask)
                            + (entry.environmentVariable.map { " from $\($0)" } ?? "")
                        : entry.value
                    output.line("\(style.paint(entry.key, .cyan)) = \(value)")
                }
            }
        case "set":
            guard rest.count >= 2 else { throw .usage("usage: env set NAME VALUE") }
            let name = try current()
            try edit(name) { (document: inout EnvironmentDocument) throws(ShellError) in
                if document.entry(rest[0])?.isSecret == true {
                    throw .usage("'\(rest[0])' is a secret: `env secret \(rest[0])` sets its value")
                }
                document.set(.init(key: rest[0], value: rest.dropFirst().joined(separator: " ")))
            }
        case "unset":
            guard rest.count == 1 else { throw .usage("usage: env unset NAME") }
            let name = try current()
            try edit(name) { (document: inout EnvironmentDocument) throws(ShellError) in
                guard document.remove(rest[0]) else { throw .usage("'\(rest[0])' is not set in environment '\(name)'") }
            }
            try? workspace.removeSecret(environment: name, name: rest[0])
        case "secret":
            guard let key = rest.first else { throw .usage("usage: env secret NAME [VALUE | --from VARIABLE]") }
            let name = try current()
            if rest.count == 3, rest[1] == "--from" {
                try edit(name) { (document: inout EnvironmentDocument) throws(ShellError) in document.set(.init(key: key, value: "$" + rest[2], isSecret: true)) }
                output.line("'\(key)' is read from $\(rest[2])")
                return
            }
            var value = rest.count > 1 ? rest.dropFirst().joined(separator: " ") : nil
            if value == nil { value = await session.askSecret("value of secret '\(key)': ") }
            guard let value, !value.isEmpty else { throw .usage("no value given for secret '\(key)'") }
            do { try workspace.storeSecret(environment: name, name: key, value: value) } catch { throw .runtime("\(error)") }
            output.line("stored secret '\(key)' for environment '\(name)' in the state folder (0600)")
        case "rm", "delete":
            guard let name = rest.first, rest.count == 1 else { throw .usage("usage: env rm NAME") }
            do { try workspace.deleteEnvironment(name) } catch { throw .usage("\(error)") }
            if session.environmentName == name { try session.useEnvironment(nil) }
        default:
            let hint = EditDistance.closest(to: subcommand, among: ["list", "new", "use", "show", "set", "unset", "secret", "rm"])
            throw .usage("unknown `env \(subcommand)`" + (hint.map { " — did you mean `env \($0)`?" } ?? ""))
        }
    }
}

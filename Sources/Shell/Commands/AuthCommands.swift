import Auth
import Foundation
import HTTPExchange
import Pipeline
import Workspace

/// `auth …` and `trace …`: auth profiles of the environment in use, logins, and watching the flows.
enum AuthCommands {
    static let all: [ShellCommand] = [
        ShellCommand(
            name: "auth", usage: "auth [show|new|set|secret|unset|use|login|refresh|logout|token|explain|diagram|rm|basic] …",
            summary: "auth profiles: auth basic admin, auth login oauth2, auth show",
            details: """
                Profiles are [auth NAME] sections of the environment's file; the environment's `auth = NAME`
                is the default for its requests, `--auth NAME|none` overrides it per request.
                auth show [NAME]                  state of the profiles (secrets masked, token expiry, scopes)
                auth new NAME TYPE [KEY=VALUE…]   create a profile: TYPE is basic, bearer, oauth1 or oauth2
                auth set NAME KEY VALUE           change a setting (`auth keys` lists them)
                auth secret NAME KEY [VALUE]      store a secret setting outside the workspace (asked
                                                  without echo when VALUE is left out; `--from VAR` reads
                                                  a process environment variable instead)
                auth unset NAME KEY               remove a setting
                auth use NAME | none              make NAME the environment's default
                auth login [NAME]                 run the flow: ask a password, the OAuth 1 three-legged
                                                  dance, or an OAuth 2 grant (browser + loopback listener)
                auth login [NAME] --step          stop before each leg: its purpose and RFC section, the
                                                  request about to go (secrets masked); Enter sends it,
                                                  ? shows how it was derived, q stops with nothing stored
                                                  (at a terminal only)
                auth refresh [NAME] [--step]      trade the stored refresh token for a new access token now
                auth logout [NAME]                forget its tokens
                auth token [NAME]                 the tokens held: type, scopes, expiry countdown, refresh
                                                  token; JWTs decoded and their signature checked (JWKS)
                auth explain [NAME]               the flow as numbered steps, before running it
                auth diagram [NAME]               the last flow the profile ran as a sequence diagram,
                  [--mermaid | --svg FILE]        every arrow with its real parameters (masked); Mermaid
                                                  text, or a self-contained SVG file
                auth keys [TYPE]                  every setting, with what it means
                auth rm NAME                      delete a profile and its tokens
                auth basic USER [--secret VAR]    shortcut: a Basic profile for USER, made default; the
                                                  password is asked (or taken from secret variable VAR)
                auth oauth2 login                 shortcut: log in with the profile of that type
                Example: auth new mautic oauth2 grant=client_credentials token_url={{baseUrl}}/oauth/v2/token
                """,
            run: { session, arguments, _ throws(ShellError) in
                try await run(session: session, arguments: arguments)
            }),
        ShellCommand(
            name: "jwt", usage: "jwt decode [TOKEN] [--jwks FILE|URL]",
            summary: "read a JSON Web Token: header, claims, times as dates, signature checked with a JWKS",
            details: """
                jwt decode TOKEN                  header and claims in the issuer's order, exp/iat/nbf as
                                                  dates with a countdown, whether the token is valid now
                jwt decode TOKEN --jwks FILE|URL  also verify the signature with that key set (RS*, PS*,
                                                  ES*, EdDSA); a tampered token is reported as such
                Without TOKEN it is asked for without echo. The token and its signature are never printed,
                and the line is not kept in the history.
                Example: jwt decode --jwks http://127.0.0.1:8181/oauth/v2/jwks   (the sandbox's keys)
                """,
            run: { session, arguments, _ throws(ShellError) in
                try await decodeJWT(session: session, arguments: arguments)
            }),
        ShellCommand(
            name: "trace", usage: "trace on|off|reveal",
            summary: "narrate each auth step as it happens (secrets masked unless `trace reveal`)",
            details: """
                OAuth 1: parameters, normalized string, base string, key structure, signature, header.
                OAuth 2: the authorize URL taken apart, PKCE verifier → challenge, token requests and
                responses, each refresh and why. Basic: the header and how it is built.
                Narration goes to standard error. `trace reveal` shows secret values too.
                """,
            run: { session, arguments, _ throws(ShellError) in
                switch arguments.first {
                case "on": session.setTrace(enabled: true, reveal: false)
                case "reveal": session.setTrace(enabled: true, reveal: true)
                case "off": session.setTrace(enabled: false, reveal: false)
                case nil: session.output.line("trace is " + (session.traceEnabled ? (session.traceReveal ? "on, revealing secrets" : "on") : "off"))
                case let other?: throw .usage("`trace \(other)`: use trace on, trace off or trace reveal")
                }
            }),
    ]

    static let authSection = "auth"

    static func run(session: ShellSession, arguments: [String]) async throws(ShellError) {
        let output = session.output
        let style = output.style
        var words = arguments
        let subcommand = words.isEmpty ? "show" : words.removeFirst()
        func environment() throws(ShellError) -> ResolvedEnvironment {
            guard let environment = try session.resolvedEnvironment() else {
                throw .usage("auth profiles belong to an environment: `env use NAME` or `env new NAME BASE_URL` first")
            }
            return environment
        }
        func profileName(_ given: String?) throws(ShellError) -> String {
            if let given { return given }
            let environment = try environment()
            if let name = AuthRegistry.defaultProfile(in: environment) { return name }
            let names = AuthRegistry.profileNames(in: environment)
            guard names.count == 1 else { throw .usage("which profile? \(names.isEmpty ? "there are none: `auth new NAME TYPE`" : names.joined(separator: ", "))") }
            return names[0]
        }
        func liveSession(_ name: String) throws(ShellError) -> AuthSession {
            let variables = try session.variables()
            do { return try session.authRegistry.session(named: name, in: try environment(), variables: variables) } catch let error as ShellError {
                throw error
            } catch { throw .usage("\(error)") }
        }
        func edit(_ change: (inout EnvironmentDocument, String) throws(ShellError) -> Void) throws(ShellError) {
            let environment = try environment()
            var document = environment.document
            try change(&document, environment.name)
            do { try session.workspace.saveEnvironment(environment.name, document) } catch { throw .runtime("\(error)") }
        }
        func section(_ name: String) -> EnvironmentDocument.Section { .init(kind: authSection, name: name) }
        func requireProfile(_ name: String, in document: EnvironmentDocument) throws(ShellError) {
            guard document.sections.contains(section(name)) else { throw .usage("no auth profile '\(name)' in this environment (`auth show` lists them)") }
        }

        switch subcommand {
        case "show", "status":
            let environment = try environment()
            let names = words.isEmpty ? AuthRegistry.profileNames(in: environment) : words
            if names.isEmpty { output.line("no auth profiles in '\(environment.name)': `auth basic USER`, or `auth new NAME TYPE`") }
            let defaultName = AuthRegistry.defaultProfile(in: environment)
            for name in names {
                let mark = name == defaultName ? style.paint(" (default)", .green) : ""
                let live: AuthSession
                do { live = try liveSession(name) } catch {
                    // One profile that cannot be used yet must not hide the others.
                    let type = environment.document.entry("type", in: section(name))?.value ?? "?"
                    output.line(style.paint(name, .bold) + " — " + type + " " + style.paint("not usable", .yellow) + mark)
                    let missing = missingSecrets(of: name, in: environment, session: session)
                    for line in missing.isEmpty ? [error.description] : missing { output.line("  " + line) }
                    continue
                }
                let status = live.status
                output.line(style.paint(name, .bold) + " — " + status.method + " " + (status.isReady ? style.paint("ready", .green) : style.paint("not logged in", .yellow)) + mark)
                for line in status.details { output.line("  " + session.redactor.fields(line)) }
            }
        case "new", "add":
            guard words.count >= 2 else { throw .usage("usage: auth new NAME TYPE [KEY=VALUE…]") }
            let (name, type) = (words[0], words[1])
            try edit { (document: inout EnvironmentDocument, _) throws(ShellError) in
                guard !document.sections.contains(section(name)) else { throw .usage("profile '\(name)' exists: change it with `auth set \(name) KEY VALUE`") }
                document.set(.init(key: "type", value: type), in: section(name))
                for pair in words.dropFirst(2) {
                    guard let equals = pair.firstIndex(of: "=") else { throw .usage("'\(pair)' is not KEY=VALUE") }
                    let key = String(pair[..<equals])
                    if AuthSettingKey.named(key)?.isSecret == true { throw .usage("'\(key)' is secret: `auth secret \(name) \(key)` stores it outside the workspace") }
                    document.set(.init(key: key, value: String(pair[pair.index(after: equals)...])), in: section(name))
                }
                if document.entry("auth") == nil { document.set(.init(key: "auth", value: name)) }
            }
            _ = try liveSession(name)
            output.line("created auth profile '\(name)' (\(type))")
        case "set":
            guard words.count >= 3 else { throw .usage("usage: auth set NAME KEY VALUE") }
            let (name, key, value) = (words[0], words[1], words.dropFirst(2).joined(separator: " "))
            if AuthSettingKey.named(key)?.isSecret == true { throw .usage("'\(key)' is secret: `auth secret \(name) \(key)` stores it outside the workspace") }
            try edit { (document: inout EnvironmentDocument, _) throws(ShellError) in
                try requireProfile(name, in: document)
                document.set(.init(key: key, value: value), in: section(name))
            }
        case "unset":
            guard words.count == 2 else { throw .usage("usage: auth unset NAME KEY") }
            try edit { (document: inout EnvironmentDocument, environmentName) throws(ShellError) in
                guard document.remove(words[1], in: section(words[0])) else { throw .usage("profile '\(words[0])' has no setting \(words[1])") }
                try? session.workspace.removeSecret(environment: environmentName, name: Workspace.sectionSecretName(section(words[0]), words[1]))
            }
        case "secret":
            guard words.count >= 2 else { throw .usage("usage: auth secret NAME KEY [VALUE | --from VARIABLE]") }
            let (name, key) = (words[0], words[1])
            if words.count == 4, words[2] == "--from" {
                try edit { (document: inout EnvironmentDocument, _) throws(ShellError) in
                    try requireProfile(name, in: document)
                    document.set(.init(key: key, value: "$" + words[3], isSecret: true), in: section(name))
                }
                return
            }
            var value = words.count > 2 ? words.dropFirst(2).joined(separator: " ") : nil
            if value == nil { value = await session.askSecret("\(key) for '\(name)': ") }
            guard let value, !value.isEmpty else { throw .usage("no value given for \(key)") }
            try edit { (document: inout EnvironmentDocument, environmentName) throws(ShellError) in
                try requireProfile(name, in: document)
                document.set(.init(key: key, value: "", isSecret: true), in: section(name))
                do {
                    try session.workspace.setSecret(environment: environmentName, name: Workspace.sectionSecretName(section(name), key), value: value)
                } catch { throw .runtime("\(error)") }
            }
            output.line("stored \(key) for '\(name)' in the state folder (0600)")
        case "use":
            guard words.count == 1 else { throw .usage("usage: auth use NAME|none") }
            try edit { (document: inout EnvironmentDocument, _) throws(ShellError) in
                if words[0] == "none" { document.remove("auth") } else {
                    try requireProfile(words[0], in: document)
                    document.set(.init(key: "auth", value: words[0]))
                }
            }
        case "rm", "delete":
            guard words.count == 1 else { throw .usage("usage: auth rm NAME") }
            let live = try? liveSession(words[0])
            try edit { (document: inout EnvironmentDocument, _) throws(ShellError) in
                try requireProfile(words[0], in: document)
                document.removeSection(section(words[0]))
                if document.entry("auth")?.value == words[0] { document.remove("auth") }
            }
            try? live?.logout()
        case "login":
            let stepper = try stepper(session, removingFlagFrom: &words)
            try await login(session, try liveSession(try profileName(words.first)), stepper: stepper)
        case "refresh":
            let stepper = try stepper(session, removingFlagFrom: &words)
            let live = try liveSession(try profileName(words.first))
            do {
                let token = try await live.refreshNow(stepper: stepper)
                output.line("refreshed: \(AuthSession.describe(token)) for '\(live.profile.name)'")
            } catch {
                throw .runtime("refresh failed: \(error)")
            }
        case "diagram":
            try diagram(session, words: words, profile: profileName, live: liveSession)
        case "logout":
            do { try liveSession(try profileName(words.first)).logout() } catch let error as ShellError { throw error } catch { throw .runtime("\(error)") }
            output.line("forgot the stored credentials")
        case "explain":
            for line in try liveSession(try profileName(words.first)).explain() { output.line(line) }
        case "token", "tokens":
            let live = try liveSession(try profileName(words.first))
            output.line(style.paint(live.profile.name, .bold) + " — " + live.profile.method.displayName)
            for line in await live.tokenReport() { output.line("  " + session.redactor.fields(line)) }
        case "keys":
            for key in AuthSettingKey.all where words.isEmpty || key.types.contains(words[0]) {
                output.line(style.paint(key.name.padding(toLength: 18), .cyan) + key.summary + (key.isSecret ? style.paint("  (secret)", .yellow) : ""))
            }
        case "basic":
            guard let user = words.first else { throw .usage("usage: auth basic USER [--secret VARIABLE]") }
            let secretIndex = words.firstIndex(of: "--secret")
            try edit { (document: inout EnvironmentDocument, _) throws(ShellError) in
                document.set(.init(key: "type", value: "basic"), in: section("basic"))
                document.set(.init(key: "username", value: user), in: section("basic"))
                if let secretIndex {
                    guard secretIndex + 1 < words.count else { throw .usage("--secret needs the name of a secret variable") }
                    document.set(.init(key: "password", value: "{{\(words[secretIndex + 1])}}"), in: section("basic"))
                }
                document.set(.init(key: "auth", value: "basic"))
            }
            let live = try liveSession("basic")
            if secretIndex == nil { try await login(session, live) }
            output.line("requests of '\(session.environmentName ?? "")' now use Basic auth as \(user)")
        case "oauth1", "oauth2", "bearer":
            guard words.first == "login" || words.first == "logout" || words.first == "explain" || words.first == "show" else {
                throw .usage("usage: auth \(subcommand) login|logout|explain|show")
            }
            let environment = try environment()
            let names = AuthRegistry.profileNames(in: environment).filter { name in
                name == subcommand || environment.document.entry("type", in: section(name))?.value == subcommand
            }
            guard let name = names.first else { throw .usage("no \(subcommand) profile in '\(environment.name)': `auth new NAME \(subcommand) …`") }
            try await run(session: session, arguments: [words[0], name] + words.dropFirst())
        default:
            let hint = EditDistance.closest(to: subcommand, among: ["show", "new", "set", "secret", "unset", "use", "login", "refresh", "logout", "token", "explain", "diagram", "keys", "rm", "basic"])
            throw .usage("unknown `auth \(subcommand)`" + (hint.map { " — did you mean `auth \($0)`?" } ?? ""))
        }
    }

    /// `password: no value — auth secret basic password` for each secret of the profile without a value.
    static func missingSecrets(of name: String, in environment: ResolvedEnvironment, session: ShellSession) -> [String] {
        let section = EnvironmentDocument.Section(kind: authSection, name: name)
        let missing = session.workspace.sectionSettings(section, of: environment, processEnvironment: session.processEnvironment).missingSecrets
        return missing.map { key in
            let variable = environment.document.entries(in: section).first { $0.key == key }?.environmentVariable
            return "\(key): no value — " + (variable.map { "set $\($0) in the process environment" } ?? "auth secret \(name) \(key)")
        }
    }

    /// `jwt decode [TOKEN] [--jwks FILE|URL]`.
    static func decodeJWT(session: ShellSession, arguments: [String]) async throws(ShellError) {
        var words = arguments
        guard words.first == "decode" else { throw .usage("usage: jwt decode [TOKEN] [--jwks FILE|URL]") }
        words.removeFirst()
        var keySet: String?
        if let flag = words.firstIndex(of: "--jwks") {
            guard flag + 1 < words.count else { throw .usage("--jwks needs a file or a URL") }
            keySet = words[flag + 1]
            words.removeSubrange(flag...(flag + 1))
        }
        guard words.count <= 1 else { throw .usage("usage: jwt decode [TOKEN] [--jwks FILE|URL]") }
        var given = words.first
        if given == nil { given = await session.askSecret("Token: ") }
        guard let token = given, !token.isEmpty else { throw .usage("no token given") }
        session.authRegistry.secrets.register(token)
        do {
            for line in try await JWTInspection.report(token: token, keySet: keySet, sender: session.authTransport).lines {
                session.output.line(line)
            }
        } catch let error as JWTError {
            throw .usage(error.description)
        } catch {
            throw .runtime("\(error)")
        }
    }

    static func login(_ session: ShellSession, _ live: AuthSession, stepper: ShellStepper? = nil) async throws(ShellError) {
        do {
            try await live.login(ShellAuthInteraction(session: session), stepper: stepper)
        } catch {
            throw .runtime("login failed: \(error)")
        }
    }

    /// The stepper `--step` asks for (the flag removed from `words`), or nil without it. It needs a
    /// person at a terminal: a script has nobody to press Enter, so it is refused there.
    static func stepper(_ session: ShellSession, removingFlagFrom words: inout [String]) throws(ShellError) -> ShellStepper? {
        guard words.contains("--step") else { return nil }
        words.removeAll { $0 == "--step" }
        guard let readKey = session.keyReader else {
            throw .usage("--step waits for a key before each step: run it in the interactive shell at a terminal, not from a script or -c")
        }
        return ShellStepper(output: session.output, readKey: readKey, revealsSecrets: session.traceReveal)
    }

    /// `auth diagram [NAME] [--mermaid | --svg FILE]`.
    static func diagram(
        _ session: ShellSession, words: [String], profile: (String?) throws(ShellError) -> String,
        live: (String) throws(ShellError) -> AuthSession
    ) throws(ShellError) {
        var words = words
        let mermaid = words.contains("--mermaid")
        words.removeAll { $0 == "--mermaid" }
        var svgPath: String?
        if let flag = words.firstIndex(of: "--svg") {
            guard flag + 1 < words.count else { throw .usage("--svg needs a file name") }
            svgPath = words[flag + 1]
            words.removeSubrange(flag...(flag + 1))
        }
        guard words.count <= 1, !(mermaid && svgPath != nil) else { throw .usage("usage: auth diagram [NAME] [--mermaid | --svg FILE]") }
        let name = try profile(words.first)
        guard let record = try live(name).lastFlow else {
            session.output.line("no flow has run for '\(name)' in this shell yet: `auth login \(name)` (or a request that needs its token) makes one")
            return
        }
        if mermaid {
            session.output.write(MermaidSequenceDiagram.render(record))
        } else if let svgPath {
            let path = session.resolveLocalPath(svgPath)
            do { try SVGSequenceDiagram.render(record).write(toFile: path, atomically: true, encoding: .utf8) } catch {
                throw .runtime("cannot write \(svgPath): \(error.localizedDescription)")
            }
            session.output.line("wrote \(svgPath): \(record.legs.count) legs of \(record.flow) for '\(name)'")
        } else {
            session.output.line(session.output.style.paint("\(name) — \(record.flow)", .bold))
            session.output.write(TerminalSequenceDiagram.render(record))
        }
    }
}

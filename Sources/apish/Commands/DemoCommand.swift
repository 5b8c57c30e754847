import ArgumentParser
import Foundation
import Sandbox
import Shell
import Workspace

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `apish demo`: the sandbox in-process and the shell pointed at it, ready to play.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Start the built-in sandbox and open the shell on it, with an environment per auth method.",
        discussion: """
            The sandbox listens on 127.0.0.1:8181, or a free port when that one is taken. The workspace's \
            environments/sandbox.env holds its base URL and auth profiles (basic, oauth2, service, \
            mautic-oauth1); the demo stores their secrets in the per-user state folder. Commands come \
            from the terminal, or from standard input when it is not one.
            """)

    @Option(help: "Port for the sandbox (0 picks a free one).")
    var port = 8181

    func run() async throws {
        let code = try await SandboxShell.run(command: "demo", port: port, keepGoing: false, banner: Self.tour(baseURL:)) { _ in }
        if code != 0 { throw ExitCode(code) }
    }

    static func tour(baseURL: String) -> String {
        """
        apish demo — a Mautic-compatible sandbox is running at \(baseURL)
        You are in the `sandbox` environment; requests use HTTP Basic as admin by default.

        Try:
          GET /api/contacts limit==2                  list contacts (Basic auth); Tab completes paths and items
          describe GET /api/contacts                  what the API's description says of an operation
          q .contacts.*.fields.all.email              query the last response
          POST /api/contacts/new firstname=Ada email=ada@example.com
          set id = .contact.id                        capture a value
          PATCH /api/contacts/{{id}}/edit lastname=Lovelace
          expect status == 200                        check it, Hurl-style
          save demo/contacts                          keep it as a replayable collection
          GET /api/contacts --auth service            OAuth 2 client credentials, token fetched for you
          trace on                                    watch each auth step
          auth login oauth2                           OAuth 2 code + PKCE in your browser (admin / mautic)
          auth login mautic-oauth1                    OAuth 1.0a three-legged
          help                                        every command
        """
    }
}

/// The sandbox in-process and a shell in its `sandbox` environment, for `apish demo` and `apish tutorial`:
/// at a terminal the interactive shell, otherwise the lines of standard input.
enum SandboxShell {
    /// - Returns: the shell's exit code.
    static func run(
        command: String, port: Int, keepGoing: Bool, banner: @escaping @Sendable (_ baseURL: String) -> String?,
        configure: @escaping @Sendable (ShellSession) -> Void
    ) async throws -> Int32 {
        let workspace = Workspace.current()
        let output = StandardOutput()
        let server: SandboxServer
        let boundPort: Int
        do {
            (server, boundPort) = try await startSandbox(preferring: port)
            try SandboxEnvironment.storeSecrets(server.credentials, in: workspace, creatingEnvironment: true)
        } catch {
            output.errorLine("apish \(command): \(error)")
            throw ExitCode(3)
        }
        let baseURL = "http://127.0.0.1:\(boundPort)"
        let prepare: @Sendable (ShellSession) async throws(ShellError) -> Void = { session throws(ShellError) in
            try session.selectEnvironment(DemoEnvironment.name)
            // The file says 8181; a run on another port overrides it for this session only.
            session.sessionVariables["baseUrl"] = baseURL
            await session.prefetchOpenAPIDescription()
            configure(session)
        }
        let code: Int32
        if isatty(STDIN_FILENO) == 1 {
            code = await InteractiveShell.run(
                workspace: workspace, output: output, environment: nil, banner: banner(baseURL), prepare: prepare)
        } else {
            let script = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
            code = await ScriptRunner.run(
                .text(script, name: "<stdin>"), workspace: workspace, output: output, environment: nil, keepGoing: keepGoing,
                prepare: prepare)
        }
        await server.stop()
        return code
    }

    private static func startSandbox(preferring port: Int) async throws -> (SandboxServer, Int) {
        for candidate in [port, 0] {
            let server = try SandboxServer(configuration: SandboxConfiguration(port: candidate))
            do { return (server, try await server.start()) } catch where candidate != 0 { continue }
        }
        throw ValidationError("the sandbox could not start")
    }
}

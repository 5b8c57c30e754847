import ArgumentParser
import Foundation
import Hurl
import Interop
import Workspace

/// `apish import postman|postman-environment|curl`: other tools' requests as collections and environments.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import Postman collections and environments, curl commands, and OpenAPI descriptions.",
        subcommands: [Postman.self, PostmanEnvironment.self, Curl.self, ImportOpenAPI.self]
    )

    /// `apish import postman FILE`.
    struct Postman: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "postman",
            abstract: "Import a Postman collection (v2.0 or v2.1) as Hurl files and an environment.",
            discussion: """
                Folders become files (or sub-folders), each request an entry named by the comment above it. \
                Collection variables and auth blocks go to the environment (auth blocks as [auth NAME] \
                profiles; secrets to the per-user state folder, never to the file). Common test checks \
                become asserts; scripts that cannot be converted are kept as comments and listed at the end.

                Exit status: 0 imported, 1 usage or a file already there, 2 not a collection, 3 a file error.
                """
        )

        @Argument(help: "The collection file (*.postman_collection.json).")
        var file: String

        @OptionGroup var destination: ImportDestination

        func run() async throws {
            let workspace = Workspace.current()
            let bytes = try ImportSupport.read(file, command: "import postman")
            let result: PostmanImport
            do { result = try PostmanImporter.importCollection(bytes) } catch {
                ImportSupport.fail("import postman", "\(file): \(error)")
                throw ExitCode(2)
            }
            let (folder, environment) = try ImportSupport.write(
                result.files, variables: result.variables, profiles: result.authProfiles, named: result.name,
                to: destination, in: workspace, command: "import postman")
            let secrets = result.variables.filter(\.isSecret).count
            print("imported \(result.requestCount) requests (Postman \(result.schemaVersion)) into \(result.files.count) files under \(ImportSupport.relative(folder, in: workspace))")
            print("environment \(environment): \(result.variables.count) variables (\(secrets) secret), \(result.authProfiles.count) auth profiles")
            ImportSupport.warn(result.warnings)
        }
    }

    /// `apish import postman-environment FILE`.
    struct PostmanEnvironment: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "postman-environment",
            abstract: "Import a Postman environment as an apish environment; secret values go to the per-user state folder."
        )

        @Argument(help: "The environment file (*.postman_environment.json).")
        var file: String

        @Option(help: "The environment to write (default: the Postman environment's name).")
        var env: String?

        func run() async throws {
            let workspace = Workspace.current()
            let bytes = try ImportSupport.read(file, command: "import postman-environment")
            let result: PostmanEnvironmentImporter.Result
            do { result = try PostmanEnvironmentImporter.importEnvironment(bytes) } catch {
                ImportSupport.fail("import postman-environment", "\(file): \(error)")
                throw ExitCode(2)
            }
            let name = env ?? ImportSupport.slug(result.name)
            do {
                try ImportSupport.save(variables: result.variables, profiles: [], to: name, in: workspace)
            } catch {
                ImportSupport.fail("import postman-environment", "\(error)")
                throw ExitCode(3)
            }
            print("environment \(name): \(result.variables.count) variables (\(result.variables.filter(\.isSecret).count) secret)")
        }
    }

    /// `apish import curl '…'`.
    struct Curl: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "curl",
            abstract: "Turn a curl command (as docs and browsers copy it) into a Hurl entry.",
            discussion: """
                Give the command as one quoted argument, as words after --, or on standard input (no argument or -). \
                The entry is printed, or appended to a Hurl file with --out. Credentials typed in the command \
                (-u, an Authorization or API-key header, a token parameter) never reach the Hurl: they become \
                {{name}} placeholders, and their values are kept as secrets of the environment (--env, or the \
                current one).
                """
        )

        @Argument(help: ArgumentHelp("The curl command: one quoted argument, or its words after --.", valueName: "curl-command"))
        var command: [String] = []

        @Option(help: ArgumentHelp("Append the entry to this Hurl file.", valueName: "file"))
        var out: String?

        @Option(help: "A name for the entry, written as the comment above it.")
        var name: String?

        @Option(help: "The environment that keeps the command's credentials as secrets (default: the current one).")
        var env: String?

        func run() async throws {
            let workspace = Workspace.current()
            let words = command
            let text: String
            if words.isEmpty || words == ["-"] {
                text = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
            } else if words.count == 1 {
                text = words[0]
            } else {
                text = words.map(ImportSupport.shellQuoted).joined(separator: " ")
            }
            var entry: HurlEntry
            do { entry = try CurlImporter.parse(text).hurlEntry() } catch {
                ImportSupport.fail("import curl", "\(error)")
                throw ExitCode(2)
            }
            if let name { entry.request.trivia.leadingLines.insert(.comment(" \(name)"), at: 0) }
            try keepCredentialsOut(of: &entry, workspace: workspace)
            guard let out else {
                print(HurlWriter.write(entry), terminator: "")
                return
            }
            let path = ImportSupport.absolute(out, in: workspace)
            do {
                var file = HurlFile(fileName: out, entries: [])
                if let data = FileManager.default.contents(atPath: path) {
                    file = try HurlParser.parse(String(decoding: data, as: UTF8.self), fileName: out)
                    entry.request.trivia.leadingLines.insert(.blank, at: 0)
                }
                file.entries.append(entry)
                try AtomicFile.write(HurlWriter.write(file), to: path)
            } catch {
                ImportSupport.fail("import curl", "\(error)")
                throw ExitCode(3)
            }
            print("added \(entry.request.method) \(entry.request.url) to \(out)")
        }
    }
}

extension ImportCommand.Curl {
    /// Credentials typed in the command become `{{name}}` and secrets of the environment.
    private func keepCredentialsOut(of entry: inout HurlEntry, workspace: Workspace) throws {
        let environment = env ?? workspace.currentEnvironment
        var existing: [String: String?] = [:]
        if let environment {
            do {
                let variables = try workspace.variables(environment: environment).variables
                for name in variables.names {
                    existing.updateValue(variables.isSecret(name) ? variables.value(of: name) : nil, forKey: name)
                }
            } catch {
                ImportSupport.fail("import curl", "\(error)")
                throw ExitCode(1)
            }
        }
        var credentials = LiteralCredentials(existing: existing)
        credentials.extract(from: &entry)
        guard !credentials.secrets.isEmpty else { return }
        let placeholders = credentials.secrets.map { "{{\($0.name)}}" }.joined(separator: ", ")
        guard let environment else {
            FileHandle.standardError.write(Data(("note: the command's credentials are written as \(placeholders) and their values "
                + "are not kept: give an environment (--env NAME) to keep them as its secrets\n").utf8))
            return
        }
        do {
            for secret in credentials.secrets {
                try workspace.storeSecret(environment: environment, name: secret.name, value: secret.value)
            }
        } catch {
            ImportSupport.fail("import curl", "\(error)")
            throw ExitCode(3)
        }
        FileHandle.standardError.write(Data("note: the command's credentials are written as \(placeholders): secrets of environment '\(environment)', values in the state folder\n".utf8))
    }
}

/// `apish import openapi SPEC`.
struct ImportOpenAPI: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "openapi",
        abstract: "Scaffold collections from an OpenAPI description: one Hurl file per tag, one entry per operation.",
        discussion: """
            Each entry is filled with the description's examples (else defaults, else a {{variable}} \
            listed at the end and added, empty, to the environment with baseUrl from the first server), \
            expects the first success the operation documents and asserts the properties it requires. \
            Replay them with `apish run DIR --env NAME --openapi SPEC`.

            Exit status: 0 imported, 1 usage or a file already there, 2 not an OpenAPI description, 3 a file error.
            """
    )

    @Argument(help: "The description: a file, or an http(s) URL.")
    var spec: String

    @OptionGroup var destination: ImportDestination

    func run() async throws {
        let workspace = Workspace.current()
        let description = try await OpenAPILoading.load(spec, command: "import openapi")
        let scaffold = OpenAPIScaffold.make(from: description)
        let (folder, environment) = try ImportSupport.write(
            scaffold.files, variables: scaffold.variables, profiles: [], named: description.title,
            to: destination, in: workspace, command: "import openapi")
        print("imported \(scaffold.operationCount) operations into \(scaffold.files.count) files under \(ImportSupport.relative(folder, in: workspace))")
        print("environment \(environment): baseUrl and \(scaffold.placeholders.count) variables to fill")
        if !scaffold.placeholders.isEmpty {
            print("set before running: " + scaffold.placeholders.joined(separator: ", "))
        }
        OpenAPILoading.warn(description.warnings)
    }
}

/// Where an import writes: its folder of Hurl files and its environment, both named from the source.
struct ImportDestination: ParsableArguments {
    @Option(help: ArgumentHelp("Where the Hurl files go (default collections/NAME, NAME from the collection's name or the description's title).", valueName: "folder"))
    var out: String?

    @Option(help: "The environment that receives the variables and auth profiles (default: NAME).")
    var env: String?

    @Flag(help: "Replace files that are already there.")
    var force = false
}

/// Reading inputs, writing environments and reporting, for the import and export commands.
enum ImportSupport {
    static func read(_ path: String, command: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            fail(command, "cannot read \(path): no such file or not readable")
            throw ExitCode(3)
        }
        return Array(data)
    }

    static func fail(_ command: String, _ message: String) {
        try? FileHandle.standardError.write(contentsOf: Array("apish \(command): \(message)\n".utf8))
    }

    static func warn(_ warnings: [String]) {
        guard !warnings.isEmpty else { return }
        var text = "\(warnings.count) warning\(warnings.count == 1 ? "" : "s"): not everything could be converted\n"
        for warning in warnings { text += "  warning: \(warning)\n" }
        try? FileHandle.standardError.write(contentsOf: Array(text.utf8))
    }

    /// An environment or folder name from a Postman name: letters, digits, `-`, `_` and `.`.
    static func slug(_ name: String) -> String {
        var slug = ""
        for character in name.lowercased() {
            if character.isASCII, character.isLetter || character.isNumber || character == "_" || character == "." {
                slug.append(character)
            } else if !slug.isEmpty, slug.last != "-" {
                slug.append("-")
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        while slug.hasPrefix(".") { slug.removeFirst() }
        return slug.isEmpty ? "imported" : slug
    }

    static func absolute(_ path: String, in workspace: Workspace) -> String {
        path.hasPrefix("/") ? path : workspace.root + "/" + path
    }

    static func relative(_ path: String, in workspace: Workspace) -> String {
        path.hasPrefix(workspace.root + "/") ? String(path.dropFirst(workspace.root.count + 1)) : path
    }

    static func shellQuoted(_ word: String) -> String {
        let safe = !word.isEmpty && word.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_./:=@%+,".contains($0)) }
        return safe ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// Writes an import's files under `out` (default collections/SLUG) and its variables and profiles to
    /// `env` (default SLUG): nothing when a file is already there without `force` (exit 1), and the
    /// files whole or not at all. Returns the folder and the environment written.
    static func write(
        _ files: [ImportedFile], variables: [ImportedVariable], profiles: [ImportedAuthProfile], named name: String,
        to destination: ImportDestination, in workspace: Workspace, command: String
    ) throws -> (folder: String, environment: String) {
        let slug = slug(name)
        let folder = absolute(destination.out ?? "collections/\(slug)", in: workspace)
        let targets = files.map { (path: folder + "/" + $0.path, text: $0.text) }
        let existing = targets.map(\.path).filter { FileManager.default.fileExists(atPath: $0) }
        if !existing.isEmpty, !destination.force {
            fail(command, "would replace \(existing.joined(separator: ", ")); use --force")
            throw ExitCode(1)
        }
        let environment = destination.env ?? slug
        do {
            for target in targets { try AtomicFile.write(target.text, to: target.path) }
            try save(variables: variables, profiles: profiles, to: environment, in: workspace)
        } catch {
            fail(command, "\(error)")
            throw ExitCode(3)
        }
        return (folder, environment)
    }

    /// Merges variables and `[auth NAME]` sections into an environment (created when missing);
    /// secret values go to the per-user state folder and the file only says `secret NAME`; a secret
    /// imported without a value keeps the value already stored.
    static func save(variables: [ImportedVariable], profiles: [ImportedAuthProfile], to name: String, in workspace: Workspace) throws {
        var document = workspace.environmentExists(name) ? try workspace.loadEnvironment(name) : EnvironmentDocument()
        for variable in variables {
            if variable.isSecret {
                document.set(EnvironmentDocument.Entry(key: variable.key, value: "", isSecret: true))
                // An empty value declares the secret; it never replaces one already kept.
                if !variable.value.isEmpty { try workspace.setSecret(environment: name, name: variable.key, value: variable.value) }
            } else {
                document.set(EnvironmentDocument.Entry(key: variable.key, value: variable.value))
            }
        }
        for profile in profiles {
            let section = EnvironmentDocument.Section(kind: "auth", name: profile.name)
            for setting in profile.settings {
                document.set(EnvironmentDocument.Entry(key: setting.key, value: setting.value), in: section)
            }
        }
        try workspace.saveEnvironment(name, document)
    }
}

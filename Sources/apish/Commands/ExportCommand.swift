import ArgumentParser
import Foundation
import HTTPExchange
import Hurl
import Interop
import Pipeline
import Runner
import Transport
import Workspace

/// `apish export postman|curl`: collections for other tools.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export collections as a Postman collection (v2.1) or as curl commands.",
        subcommands: [Postman.self, Curl.self]
    )

    /// `apish export postman PATH`.
    struct Postman: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "postman",
            abstract: "Write a Hurl file or folder as a Postman Collection v2.1.",
            discussion: """
                Folders and files become Postman folders (a requests.hurl file's entries sit in its folder), \
                asserts become test scripts, and `# @auth NAME` profiles of the environment become auth blocks. \
                Templates stay templates; secret values are never written.
                """
        )

        @Argument(help: "A .hurl file or a folder of them.")
        var path: String

        @Option(help: ArgumentHelp("Write the collection here instead of standard output.", valueName: "file"))
        var out: String?

        @Option(help: "The environment whose variables and auth profiles go with it (default: the current one).")
        var env: String?

        @Option(help: "The collection's name (default: the file or folder name).")
        var name: String?

        func run() async throws {
            let workspace = Workspace.current()
            let root = ImportSupport.absolute(path, in: workspace)
            let files = try ExportSupport.hurlFiles(at: root, command: "export postman")
            var profiles: [String: [String: String]] = [:]
            var variables: [ImportedVariable] = []
            if let environment = env ?? workspace.currentEnvironment {
                let document: EnvironmentDocument
                do { document = try workspace.loadEnvironment(environment) } catch {
                    ImportSupport.fail("export postman", "\(error)")
                    throw ExitCode(1)
                }
                variables = document.entries().map { ImportedVariable(key: $0.key, value: $0.value, isSecret: $0.isSecret) }
                for section in document.sections where section.kind == "auth" {
                    profiles[section.name] = Dictionary(document.entries(in: section).map { ($0.key, $0.value) }, uniquingKeysWith: { $1 })
                }
            }
            let collectionName = name ?? URL(fileURLWithPath: root).deletingPathExtension().lastPathComponent
            let result = PostmanExporter.export(name: collectionName, files: files, authProfiles: profiles, variables: variables)
            if let out {
                do { try AtomicFile.write(result.text, to: ImportSupport.absolute(out, in: workspace)) } catch {
                    ImportSupport.fail("export postman", "\(error)")
                    throw ExitCode(3)
                }
                let count = files.reduce(0) { $0 + $1.hurl.entries.count }
                print("exported \(count) requests from \(files.count) files to \(out)")
            } else {
                print(result.text, terminator: "")
            }
            ImportSupport.warn(result.warnings)
        }
    }

    /// `apish export curl PATH`.
    struct Curl: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "curl",
            abstract: "Print the entries of a Hurl file as curl commands that send exactly the same requests.",
            discussion: """
                The requests are built by the runner itself: variables are filled in from the environment \
                (unknown ones, such as captures, stay {{name}}), relative URLs resolve against its baseUrl, \
                [Options] become curl flags, and an entry's `# @auth NAME` profile signs it as a run would. \
                Secrets and credential headers are masked unless --reveal.
                """
        )

        @Argument(help: "A .hurl file.")
        var path: String

        @Option(help: "Only the Nth entry (from 1).")
        var entry: Int?

        @Flag(help: "Show secrets and credentials instead of masking them.")
        var reveal = false

        @Option(help: "The environment for variables (default: the current one).")
        var env: String?

        func run() async throws {
            let workspace = Workspace.current()
            let file = ImportSupport.absolute(path, in: workspace)
            let text = String(decoding: try ImportSupport.read(file, command: "export curl"), as: UTF8.self)
            let hurl: HurlFile
            do { hurl = try HurlParser.parse(text, fileName: path) } catch {
                ImportSupport.fail("export curl", "\(error)")
                throw ExitCode(2)
            }
            var entries = Array(hurl.entries.enumerated())
            if let entry {
                guard entry >= 1, entry <= entries.count else {
                    ImportSupport.fail("export curl", "\(path) has \(entries.count) entries; --entry \(entry) is not one of them")
                    throw ExitCode(1)
                }
                entries = [entries[entry - 1]]
            }
            // Auth profiles may fetch a token (client credentials) to sign with.
            let transport = HTTPTransport()
            let outcome: Result<[String], any Error>
            do {
                outcome = .success(try await commands(for: entries, file: file, workspace: workspace, transport: transport))
            } catch {
                outcome = .failure(error)
            }
            await transport.shutdown()
            print(try outcome.get().joined(separator: "\n\n"))
        }

        private func commands(
            for entries: [(offset: Int, element: HurlEntry)], file: String, workspace: Workspace, transport: HTTPTransport
        ) async throws -> [String] {
            var configuration = RunConfiguration()
            if let environment = env ?? workspace.currentEnvironment {
                do {
                    let resolved = try workspace.variables(environment: environment)
                    let registry = AuthRegistry(workspace: workspace, sender: transport, processEnvironment: ProcessInfo.processInfo.environment)
                    RunEnvironment.apply(resolved, variables: resolved.variables, registry: registry, authProfile: nil, to: &configuration)
                } catch {
                    ImportSupport.fail("export curl", "\(error)")
                    throw ExitCode(1)
                }
            }
            var variables = VariableStore(configuration.variables, secretNames: configuration.secretNames)
            variables.keepsUnknownPlaceholders = true
            let folder = URL(fileURLWithPath: file).deletingLastPathComponent().path
            var commands: [String] = []
            for (index, item) in entries {
                var lines: [String] = []
                if entries.count > 1 { lines.append("# \(path) entry \(index + 1)") }
                let built: EntryRequest
                do {
                    built = try EntryRequest(item, configuration: configuration, variables: &variables, directory: folder)
                } catch {
                    ImportSupport.fail("export curl", "\(path) entry \(index + 1): \(error.message)")
                    throw ExitCode(3)
                }
                var request = built.request
                if case .profile(let profile) = configuration.authPolicy.choose(named: item.authProfile, for: request) {
                    do {
                        guard let profiles = configuration.authProfiles else { throw ExportError("no environment: give --env NAME") }
                        request = try await profiles.authorizer(forProfile: profile).authorize(request)
                    } catch {
                        lines.append("# auth profile '\(profile)' is not applied: \(error)")
                    }
                }
                lines.append(CurlExporter.command(for: reveal ? request : configuration.secrets.redactor.request(request), options: built.options))
                commands.append(lines.joined(separator: "\n"))
            }
            return commands
        }
    }
}

/// Reading collections for export.
enum ExportSupport {
    /// The Hurl files at a path, relative to it: a file alone, or a folder's files with each folder's
    /// `requests.hurl` first and the rest by name.
    static func hurlFiles(at root: String, command: String) throws -> [ImportedFile] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory) else {
            ImportSupport.fail(command, "no such file or folder: \(root)")
            throw ExitCode(3)
        }
        let paths: [String]
        if isDirectory.boolValue {
            let all = (FileManager.default.enumerator(atPath: root)?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".hurl") }
            paths = all.sorted { sortKey($0).lexicographicallyPrecedes(sortKey($1)) }
        } else {
            paths = [URL(fileURLWithPath: root).lastPathComponent]
        }
        let folder = isDirectory.boolValue ? root : URL(fileURLWithPath: root).deletingLastPathComponent().path
        var files: [ImportedFile] = []
        for relative in paths {
            let text = String(decoding: try ImportSupport.read(folder + "/" + relative, command: command), as: UTF8.self)
            do {
                files.append(ImportedFile(path: relative, hurl: try HurlParser.parse(text, fileName: relative)))
            } catch {
                ImportSupport.fail(command, "\(error)")
                throw ExitCode(2)
            }
        }
        return files
    }

    /// Orders `requests.hurl` before its siblings, folder by folder.
    private static func sortKey(_ path: String) -> [String] {
        path.split(separator: "/").map { $0 == Substring(PostmanImporter.requestsFileName) ? "" : String($0) }
    }
}

struct ExportError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

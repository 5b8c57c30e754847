import ArgumentParser
import Foundation
import HTTPExchange
import Hurl
import Interop
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
                Variables are filled in from the environment (unknown ones stay {{name}}); relative URLs \
                resolve against its baseUrl. Secrets and credential headers are masked unless --reveal. \
                Auth profiles are not applied: the command shows the request as saved.
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
            var variables = Variables()
            if let environment = env ?? workspace.currentEnvironment {
                do { variables = try workspace.variables(environment: environment).variables } catch {
                    ImportSupport.fail("export curl", "\(error)")
                    throw ExitCode(1)
                }
            }
            let masker = reveal ? nil : SecretMasker(secrets: variables.secretValues)
            let folder = URL(fileURLWithPath: file).deletingLastPathComponent().path
            var commands: [String] = []
            for (index, item) in entries {
                var request: HTTPRequest
                do {
                    request = try HurlRequestConverter.httpRequest(item.request, expand: { ExportSupport.expand($0, variables) }) { name in
                        let target = name.hasPrefix("/") ? name : folder + "/" + name
                        guard let data = FileManager.default.contents(atPath: target) else { throw FileError(path: target, reason: "cannot read") }
                        return Array(data)
                    }
                    request.url = try RequestURL.resolve(request.url, baseURL: variables.value(of: "baseUrl"))
                } catch {
                    ImportSupport.fail("export curl", "\(path) entry \(index + 1): \(error)")
                    throw ExitCode(3)
                }
                var lines: [String] = []
                if entries.count > 1 { lines.append("# \(path) entry \(index + 1)") }
                if let profile = item.authProfile, profile != "none" { lines.append("# auth profile '\(profile)' is not applied") }
                lines.append(CurlExporter.command(for: request, masker: masker))
                commands.append(lines.joined(separator: "\n"))
            }
            print(commands.joined(separator: "\n\n"))
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

    /// A template's text with known variables filled in; unknown ones stay `{{name}}`.
    static func expand(_ template: HurlTemplate, _ variables: Variables) -> String {
        template.parts.map { part in
            switch part {
            case .text(let text): text
            case .placeholder(let placeholder): variables.value(of: placeholder.name) ?? placeholder.description
            }
        }.joined()
    }
}

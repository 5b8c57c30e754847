import ArgumentParser
import Foundation
import Interop
import OpenAPI
import Pipeline
import Transport
import Workspace

/// `apish openapi operations SPEC`: what a description offers, for scripts.
struct OpenAPICommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "openapi",
        abstract: "Read OpenAPI descriptions (3.0 and 3.1, JSON or YAML).",
        subcommands: [Operations.self]
    )

    struct Operations: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "operations",
            abstract: "List a description's operations: METHOD, PATH, operationId and summary, tab-separated, in document order.",
            discussion: """
                Warnings about parts of the description that could not be read go to standard error.
                Exit status: 0 listed, 2 not a readable OpenAPI description, 3 a file or network error.
                """
        )

        @Argument(help: "The description: a file, or an http(s) URL.")
        var spec: String

        func run() async throws {
            let description = try await OpenAPILoading.load(spec, command: "openapi operations")
            var text = ""
            for operation in description.operations {
                let fields = [operation.method, operation.path, operation.operationID ?? "", operation.summary ?? ""]
                text += fields.map { String($0.map { $0 == "\t" || $0.isNewline ? " " : $0 }) }
                    .joined(separator: "\t") + "\n"
            }
            FileHandle.standardOutput.write(Data(text.utf8))
            OpenAPILoading.warn(description.warnings)
        }
    }
}

/// Loading a description named on the command line, with one line per failure.
enum OpenAPILoading {
    static func load(_ location: String, command: String) async throws -> OpenAPIDescription {
        let source = OpenAPISource(location)
        let workspace = Workspace.current()
        if !source.isURL, !FileManager.default.isReadableFile(atPath: location) {
            ImportSupport.fail(command, "cannot read \(location): no such file or not readable")
            throw ExitCode(3)
        }
        let transport = source.isURL ? HTTPTransport() : nil
        let outcome: Result<OpenAPIDescription, OpenAPILoadError>
        do {
            outcome = .success(try await OpenAPISource(absolute(location)).load(workspace: workspace, sender: transport))
        } catch {
            outcome = .failure(error)
        }
        await transport?.shutdown()
        switch outcome {
        case .success(let description):
            return description
        case .failure(let error):
            ImportSupport.fail(command, error.message)
            throw ExitCode(error.message.hasPrefix("cannot fetch") ? 3 : 2)
        }
    }

    /// A relative path is the caller's, not the workspace's.
    private static func absolute(_ location: String) -> String {
        guard !location.hasPrefix("/"), !OpenAPISource(location).isURL else { return location }
        return FileManager.default.currentDirectoryPath + "/" + location
    }

    static func warn(_ warnings: [String]) {
        for warning in warnings {
            FileHandle.standardError.write(Data("warning: \(warning)\n".utf8))
        }
    }
}

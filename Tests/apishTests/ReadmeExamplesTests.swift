import Foundation
import Testing
import TestSupport

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The README's examples, read from README.md itself and run as a new user runs them: the built binary,
/// a fresh state folder, a copy of the workspace, and a fresh `apish sandbox` on a free loopback port.
/// A command that fails, or an output line the README shows that does not appear, fails the test.
@Suite(.serialized) struct ReadmeExamplesTests {
    static let prompt = "apish [sandbox • basic ✓]> "

    /// The opening tour: the first fenced block. `$ apish demo` starts it, the prompt's lines are typed,
    /// every other line is output the shell must print (times and sizes vary; `…` elides).
    @Test func theOpeningTourRunsAsShown() throws {
        let block = try #require(Readme.fencedBlocks().first)
        #expect(block.first == "$ apish demo")
        let commands = block.filter { $0.hasPrefix(Self.prompt) }.map { String($0.dropFirst(Self.prompt.count)) }
        let shown = block.dropFirst().filter { !$0.hasPrefix(Self.prompt) && !$0.allSatisfy { $0 == "…" || $0 == " " } }
        #expect(commands.count >= 5)
        #expect(!shown.isEmpty)

        let run = try FreshRun()
        let result = try run.apish(["demo", "--port", String(FreePort.next())], stdin: commands.joined(separator: "\n") + "\n")
        #expect(result.status == 0, "the tour stopped: \(result.stdout)\n\(result.stderr)")
        let output = Readme.normalized(result.stdout + "\n" + result.stderr)
        for line in shown {
            #expect(output.contains(Readme.normalized(line)), "the README shows `\(line)`, the shell printed:\n\(result.stdout)\n\(result.stderr)")
        }
        if let save = commands.last(where: { $0.hasPrefix("save ") }) {
            let name = save.dropFirst("save ".count).trimmingCharacters(in: .whitespaces)
            let saved = try String(contentsOf: run.workspace.appendingPathComponent("collections/\(name).hurl"), encoding: .utf8)
            #expect(saved.contains("HTTP 201"), "\(saved)")
            #expect(saved.contains("[Captures]"), "\(saved)")
        }
    }

    /// The flagship: after `apish sandbox`, the one command the README gives replays every Mautic collection,
    /// twice in a row against the same sandbox, from a state folder that held nothing before the sandbox started.
    @Test func theMauticCollectionsPassAgainstAFreshSandbox() throws {
        let command = try #require(
            Readme.command(startingWith: "apish run collections/mautic --env sandbox", after: "### The sandbox"),
            "README.md's sandbox section shows no `apish run collections/mautic --env sandbox` command")
        #expect(Readme.text.contains("apish sandbox &"))
        let run = try FreshRun()
        let sandbox = try SandboxProcess(port: FreePort.next(), run: run)
        defer { sandbox.stop() }
        let arguments = Array(command.dropFirst()) + ["--variable", "baseUrl=\(sandbox.baseURL)"]
        for attempt in 1...2 {
            let result = try run.apish(arguments, timeout: 120)
            #expect(result.status == 0, "run \(attempt): \(result.stdout)\n\(result.stderr)")
            #expect(result.stdout.split(separator: "\n").last == "3 passed, 0 failed", "run \(attempt): \(result.stdout)")
        }
        #expect(!command.contains("--variable"), "the sandbox hands its credentials over; the command needs none")
    }

    /// The one-line examples of "Running apish" that need no server: query, fmt, import curl, export.
    @Test func theOneLineExamplesRun() throws {
        let block = try #require(Readme.fencedBlocks(after: "## Running apish").first)
        let lines = block.filter {
            ["apish query ", "apish fmt ", "apish import curl ", "apish export curl ", "apish export postman "]
                .contains(where: $0.hasPrefix)
        }
        #expect(lines.count == 5, "\(block)")
        let run = try FreshRun()
        try #"{"total": "2", "contacts": {"1": {"id": 1, "score": 1.50}, "7": {"id": 7, "score": 1e400}}}"#
            .write(to: run.workspace.appendingPathComponent("data.json"), atomically: true, encoding: .utf8)
        for line in lines {
            let arguments = try Readme.words(Readme.withoutComment(line))
            let result = try run.apish(Array(arguments.dropFirst()))
            #expect(result.status == 0, "`\(line)`: \(result.stdout)\n\(result.stderr)")
            let out = result.stdout
            switch arguments[1] {
            case "query": #expect(out == "[\n  1,\n  7\n]\n", "`\(line)`: \(out)")
            case "fmt": #expect(out.contains("\"score\": 1.50") && out.contains("1e400"), "`\(line)`: \(out)")
            case "import":
                let url = try #require(arguments.last?.firstMatch(of: #/https?://[^\s'"]+/#)?.output)
                #expect(out.hasPrefix("GET \(url)"), "`\(line)`: \(out)")
            case "export" where arguments[2] == "curl":
                #expect(out.split(separator: "\n").contains { $0.hasPrefix("curl ") }, "`\(line)`: \(out)")
                #expect(!out.contains("{{baseUrl}}"), "`\(line)`: \(out)")
            default: #expect(out.contains("https://schema.getpostman.com/json/collection/v2.1.0/"), "`\(line)`: \(out)")
            }
        }
    }
}

/// README.md as the tests read it.
private enum Readme {
    static let text: String = (try? String(contentsOf: PackagePaths.root.appendingPathComponent("README.md"), encoding: .utf8)) ?? ""

    /// The lines of each ``` fenced block after the first line that starts with `heading` (the whole file when nil).
    static func fencedBlocks(after heading: String? = nil) -> [[String]] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if let heading, let start = lines.firstIndex(where: { $0.hasPrefix(heading) }) { lines = Array(lines[start...]) }
        var blocks: [[String]] = []
        var current: [String]?
        for line in lines {
            if line.hasPrefix("```") {
                if let block = current { blocks.append(block); current = nil } else { current = [] }
            } else if current != nil {
                current?.append(line)
            }
        }
        return blocks
    }

    /// A command in a fenced block, its `\` continuation lines joined, split into words.
    static func command(startingWith prefix: String, after heading: String) -> [String]? {
        for block in fencedBlocks(after: heading) {
            guard let start = block.firstIndex(where: { $0.hasPrefix(prefix) }) else { continue }
            var text = ""
            for line in block[start...] {
                let trimmed = withoutComment(line).trimmingCharacters(in: .whitespaces)
                guard trimmed.hasSuffix("\\") else { text += trimmed; break }
                text += trimmed.dropLast() + " "
            }
            return try? words(text)
        }
        return nil
    }

    /// The line without a trailing `# comment` (a `#` after a space, outside quotes).
    static func withoutComment(_ line: String) -> String {
        var quote: Character?
        var previous: Character = " "
        for (offset, character) in line.enumerated() {
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "'" || character == "\"" {
                quote = character
            } else if character == "#", previous == " " {
                return String(line.prefix(offset)).trimmingCharacters(in: .whitespaces)
            }
            previous = character
        }
        return line.trimmingCharacters(in: .whitespaces)
    }

    /// Shell words: spaces separate, single and double quotes group (no escapes are used in the README).
    static func words(_ line: String) throws -> [String] {
        var words: [String] = []
        var current = ""
        var quote: Character?
        var inWord = false
        for character in line {
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == "'" || character == "\"" {
                quote = character
                inWord = true
            } else if character == " " {
                if inWord { words.append(current) }
                current = ""
                inWord = false
            } else {
                current.append(character)
                inWord = true
            }
        }
        guard quote == nil else { throw ReadmeError(message: "unbalanced quote in \(line)") }
        if inWord { words.append(current) }
        return words
    }

    /// Output as compared: runs of spaces made one, times and sizes made placeholders.
    static func normalized(_ text: String) -> String {
        var result = text.replacingOccurrences(of: #"[0-9]+(\.[0-9]+)? ms"#, with: "N ms", options: .regularExpression)
        result = result.replacingOccurrences(of: #"[0-9]+(\.[0-9]+)? (B|KB|MB)\b"#, with: "N B", options: .regularExpression)
        result = result.replacingOccurrences(of: #" {2,}"#, with: " ", options: .regularExpression)
        return result.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: "\n")
    }
}

struct ReadmeError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

/// A fresh state folder and a copy of the repository's workspace (environments/ and collections/).
final class FreshRun {
    let workspace: URL
    let state: URL

    init() throws {
        workspace = try PackagePaths.temporaryFolder("apish-readme")
        state = try PackagePaths.temporaryFolder("apish-readme-state")
        for folder in ["environments", "collections"] {
            try FileManager.default.copyItem(
                at: PackagePaths.root.appendingPathComponent(folder), to: workspace.appendingPathComponent(folder))
        }
    }

    deinit {
        try? FileManager.default.removeItem(at: workspace)
        try? FileManager.default.removeItem(at: state)
    }

    var environment: [String: String] {
        ["APISH_STATE_DIR": state.path, "APISH_WORKSPACE": workspace.path, "BROWSER": "false"]
    }

    func apish(_ arguments: [String], stdin: String? = nil, timeout: Double = 90) throws -> CommandResult {
        let binary = PackagePaths.apishBinary
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            throw ReadmeError(message: "the apish binary is missing at \(binary.path): run `swift build` first")
        }
        return try Command.apish(arguments, stdin: stdin, environment: environment, currentDirectory: workspace, timeout: timeout)
    }
}

/// `apish sandbox --port N` as the README starts it, stopped with SIGTERM (SIGKILL if it lingers).
final class SandboxProcess {
    let process = Process()
    let baseURL: String

    init(port: Int, run: FreshRun) throws {
        baseURL = "http://127.0.0.1:\(port)"
        process.executableURL = PackagePaths.apishBinary
        process.arguments = ["sandbox", "--port", String(port)]
        process.environment = ProcessInfo.processInfo.environment.merging(run.environment) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(30)
        while !FreePort.isListening(port) {
            guard process.isRunning, Date() < deadline else {
                stop()
                throw ReadmeError(message: "apish sandbox did not listen on \(port)")
            }
            usleep(50_000)
        }
    }

    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning, Date() < deadline { usleep(20_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }
}

import Foundation

/// A private workspace and state folder for one test, and the `apish` binary run inside them.
public struct ShellFixture {
    public let root: URL
    public var workspace: URL { root.appendingPathComponent("workspace") }
    public var state: URL { root.appendingPathComponent("state") }

    public init() throws {
        root = try PackagePaths.temporaryFolder("apish-shell")
        try FileManager.default.createDirectory(at: workspace, withIntermediateDirectories: true)
    }

    public var environment: [String: String] {
        ["APISH_WORKSPACE": workspace.path, "APISH_STATE_DIR": state.path, "HOME": root.path, "NO_COLOR": "1"]
    }

    /// - Parameter extra: process variables on top of the fixture's own (`HURL_VARIABLE_…`, say).
    public func apish(_ arguments: [String], stdin: String? = nil, environment extra: [String: String] = [:], timeout: Double = 60) throws -> CommandResult {
        try Command.apish(arguments, stdin: stdin, environment: environment.merging(extra) { $1 }, currentDirectory: workspace, timeout: timeout)
    }

    public func write(_ text: String, to relativePath: String) throws {
        let url = workspace.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    public func read(_ relativePath: String) throws -> String {
        try String(contentsOf: workspace.appendingPathComponent(relativePath), encoding: .utf8)
    }
}

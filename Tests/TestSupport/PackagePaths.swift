import Foundation

/// Where things are, found from this file's location so that tests run from any working directory.
public enum PackagePaths {
    /// The package root: the nearest folder above this file that holds Package.swift.
    public static let root: URL = {
        var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while folder.path != "/" {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) {
                return folder
            }
            folder.deleteLastPathComponent()
        }
        fatalError("no Package.swift above \(#filePath)")
    }()

    /// The shared conformance data beside the checkout (`../shared/conformance`).
    public static let conformance: URL = root.deletingLastPathComponent()
        .appendingPathComponent("shared/conformance")

    /// The `apish` executable that `swift build` produced for this test run.
    public static var apishBinary: URL {
        let candidates = [".build/debug/apish", ".build/release/apish"].map { root.appendingPathComponent($0) }
        if let binary = ProcessInfo.processInfo.environment["APISH_BINARY"] { return URL(fileURLWithPath: binary) }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }

    /// A new empty folder under the system's temporary folder, for one test.
    public static func temporaryFolder(_ label: String = "apish-test") throws -> URL {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(label)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}

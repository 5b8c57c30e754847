import Foundation

/// Locates the shared conformance data: the package root is the nearest folder above this file
/// holding Package.swift, and `shared/` is its sibling.
enum ConformancePaths {
    static func file(_ relativePath: String, from source: String = #filePath) throws -> URL {
        var folder = URL(fileURLWithPath: source).resolvingSymlinksInPath().deletingLastPathComponent()
        while folder.path != "/" {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) {
                let file = folder.deletingLastPathComponent()
                    .appendingPathComponent("shared/conformance")
                    .appendingPathComponent(relativePath)
                guard FileManager.default.fileExists(atPath: file.path) else {
                    throw Missing(description: "conformance file not found: \(file.path)")
                }
                return file
            }
            folder.deleteLastPathComponent()
        }
        throw Missing(description: "no Package.swift above \(source)")
    }

    struct Missing: Error, CustomStringConvertible {
        let description: String
    }
}

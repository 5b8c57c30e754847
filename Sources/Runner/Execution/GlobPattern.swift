import Foundation

/// A Unix glob over file paths, as Hurl's `--glob` takes it: `*` and `?` within one path component,
/// `[abc]` / `[!abc]` classes, `**` for any number of folders. As in a shell, wildcards do not match a
/// leading `.`, so hidden files and folders (`.git`, `.build`) are left alone unless named.
public struct GlobPattern {
    public let pattern: String
    private let regex: Regex<AnyRegexOutput>

    public init(_ pattern: String) throws(RunFailure) {
        self.pattern = pattern
        do {
            regex = try Regex(Self.regexSource(pattern))
        } catch {
            throw RunFailure("invalid glob pattern '\(pattern)'")
        }
    }

    public func matches(_ path: String) -> Bool {
        (try? regex.wholeMatch(in: path)) != nil
    }

    /// The files that match, in name order, searched from the folder before the first wildcard.
    public func files() -> [String] {
        let components = pattern.split(separator: "/", omittingEmptySubsequences: false)
        let literal = components.prefix { !$0.contains(where: Self.isWildcard) }
        guard literal.count < components.count else {
            return FileManager.default.fileExists(atPath: pattern) ? [pattern] : []
        }
        let root = literal.joined(separator: "/")
        let prefix = root.isEmpty && pattern.hasPrefix("/") ? "/" : root.isEmpty ? "" : root + "/"
        guard let enumerator = FileManager.default.enumerator(atPath: root.isEmpty ? (pattern.hasPrefix("/") ? "/" : ".") : root) else {
            return []
        }
        var found: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: prefix + relative, isDirectory: &isDirectory)
            if name.hasPrefix("."), !pattern.contains("/.") && !pattern.hasPrefix(".") {
                if isDirectory.boolValue { enumerator.skipDescendants() }
                continue
            }
            if !isDirectory.boolValue, matches(prefix + relative) { found.append(prefix + relative) }
        }
        return found.sorted()
    }

    private static func isWildcard(_ character: Character) -> Bool {
        character == "*" || character == "?" || character == "["
    }

    private static func regexSource(_ pattern: String) -> String {
        var source = ""
        var characters = pattern[...]
        while let character = characters.popFirst() {
            switch character {
            case "*" where characters.first == "*":
                characters.removeFirst()
                if characters.first == "/" {
                    characters.removeFirst()
                    source += "(?:[^/]*/)*"
                } else {
                    source += ".*"
                }
            case "*": source += "[^/]*"
            case "?": source += "[^/]"
            case "[":
                guard let close = characters.dropFirst().firstIndex(of: "]") else {
                    source += "\\["
                    continue
                }
                var body = String(characters[..<close])
                if body.hasPrefix("!") { body = "^" + body.dropFirst() }
                source += "[" + body.replacingOccurrences(of: "\\", with: "\\\\") + "]"
                characters = characters[characters.index(after: close)...]
            default:
                source += "\\^$.|+(){}]".contains(character) ? "\\" + String(character) : String(character)
            }
        }
        return source
    }
}

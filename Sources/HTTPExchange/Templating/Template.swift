import Hurl

/// Text with `{{name}}` placeholders, as written in URLs, headers, bodies and auth settings.
public struct Template: Sendable, Equatable, CustomStringConvertible {
    public enum Piece: Sendable, Equatable {
        case text(String)
        case variable(String)
    }

    public let pieces: [Piece]
    /// The text as written, kept so that saving a request writes the template, never its expansion.
    public let source: String

    public init(_ source: String) {
        self.source = source
        var pieces: [Piece] = []
        var rest = Substring(source)
        while let open = rest.firstRange(of: "{{") {
            guard let close = rest[open.upperBound...].firstRange(of: "}}") else { break }
            let name = rest[open.upperBound..<close.lowerBound].trimmingWhitespace()
            guard Template.looksLikePlaceholder(name) else {
                pieces.append(.text(String(rest[..<close.upperBound])))
                rest = rest[close.upperBound...]
                continue
            }
            if open.lowerBound > rest.startIndex { pieces.append(.text(String(rest[..<open.lowerBound]))) }
            pieces.append(.variable(String(name)))
            rest = rest[close.upperBound...]
        }
        if !rest.isEmpty { pieces.append(.text(String(rest))) }
        self.pieces = Template.mergingText(pieces)
    }

    public var description: String { source }

    public var variableNames: [String] {
        pieces.compactMap { if case .variable(let name) = $0 { name } else { nil } }
    }

    public var hasVariables: Bool { !variableNames.isEmpty }

    public func expand(_ variables: some VariableResolving) throws(UnknownVariableError) -> String {
        var result = ""
        for piece in pieces {
            switch piece {
            case .text(let text): result += text
            case .variable(let name):
                guard HurlPlaceholder.isVariableName(name), let value = variables.value(of: name) else {
                    throw UnknownVariableError(name: name)
                }
                result += value
            }
        }
        return result
    }

    /// One word between braces is meant as a variable; expanding it fails unless it is a variable name
    /// by Hurl's rule (`HurlPlaceholder.isVariableName`), so that the shell never accepts a name a saved
    /// collection could not expand. Anything else between braces is left as text.
    static func looksLikePlaceholder(_ name: Substring) -> Bool {
        !name.isEmpty && !name.contains { $0 == " " || $0 == "\t" || $0 == "{" || $0 == "}" || $0 == "\n" }
    }

    private static func mergingText(_ pieces: [Piece]) -> [Piece] {
        var merged: [Piece] = []
        for piece in pieces {
            if case .text(let text) = piece, case .text(let previous)? = merged.last {
                merged[merged.count - 1] = .text(previous + text)
            } else {
                merged.append(piece)
            }
        }
        return merged
    }
}

public struct UnknownVariableError: Error, Sendable, Equatable, CustomStringConvertible {
    public let name: String
    public init(name: String) { self.name = name }
    public var description: String {
        guard HurlPlaceholder.isVariableName(name) else {
            return "'\(name)' is not a variable name: a name is a letter or _, then letters, digits, _ or - (as in Hurl files)"
        }
        return "unknown variable '\(name)': set it with `set \(name) = VALUE` or in the environment"
    }
}

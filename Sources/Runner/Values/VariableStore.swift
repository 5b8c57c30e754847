import Foundation
import Hurl
import JSON

/// The variables of one file's run: given at the start, set by `[Options] variable:`, captured from
/// responses. Names marked secret have their values masked in results and reports.
public struct VariableStore: Sendable {
    public private(set) var values: [String: RunValue]
    public private(set) var secretNames: Set<String>
    /// Leaves an unknown `{{name}}` as written instead of failing: for showing a file's requests
    /// (export) before the captures they depend on exist.
    public var keepsUnknownPlaceholders = false
    /// What to say about a variable that has no value, by name (see `RunConfiguration.missingVariableHints`).
    public var missingHints: [String: String] = [:]

    public init(_ values: [String: RunValue] = [:], secretNames: Set<String> = []) {
        self.values = values
        self.secretNames = secretNames
    }

    public subscript(name: String) -> RunValue? { values[name] }

    public mutating func set(_ name: String, _ value: RunValue, secret: Bool = false) {
        values[name] = value
        if secret { secretNames.insert(name) }
    }

    /// Values to mask where they are placed in text meant for people or files.
    public var secretValues: [String] {
        secretNames.compactMap { values[$0]?.templateText }
    }

    /// The value of a placeholder: a variable, or Hurl's functions `newUuid` and `newDate`.
    func resolve(_ placeholder: HurlPlaceholder) throws(RunFailure) -> RunValue {
        if let value = values[placeholder.name] { return value }
        switch placeholder.name {
        case "newUuid": return .string(UUID().uuidString.lowercased())
        case "newDate": return .string(ISODate.format(Date().timeIntervalSince1970))
        default:
            if keepsUnknownPlaceholders { return .string(placeholder.description) }
            if let hint = missingHints[placeholder.name] { throw RunFailure(hint) }
            throw RunFailure("unknown variable '\(placeholder.name)': give it with --variable \(placeholder.name)=VALUE, in the environment or capture it first")
        }
    }

    /// Expands every placeholder; an unknown variable is an error that names it.
    public func expand(_ template: HurlTemplate) throws(RunFailure) -> String {
        var result = ""
        for part in template.parts {
            switch part {
            case .text(let text): result += text
            case .placeholder(let placeholder): result += try resolve(placeholder).templateText
            }
        }
        return result
    }

    /// Expands a JSON body written with placeholders. Inside a JSON string a value is escaped for
    /// that string; elsewhere it is written as a typed JSON value (`{"id": {{id}}}` gives a number
    /// when `id` holds one, a quoted string when it holds text).
    public func expandJSON(_ raw: String) throws(RunFailure) -> String {
        var result = ""
        var inString = false
        for part in HurlTemplate.parse(raw: raw).parts {
            switch part {
            case .text(let text):
                var escaped = false
                for scalar in text.unicodeScalars {
                    if inString, escaped {
                        escaped = false
                    } else if inString, scalar == "\\" {
                        escaped = true
                    } else if scalar == "\"" {
                        inString.toggle()
                    }
                }
                result += text
            case .placeholder(let placeholder):
                let value = try resolve(placeholder)
                if inString {
                    result += String(JSONValue.quoted(value.templateText).dropFirst().dropLast())
                } else if case .string(let text) = value {
                    result += JSONValue.quoted(text)
                } else {
                    result += value.templateText
                }
            }
        }
        return result
    }
}

import Foundation
import HTTPExchange
import JSON

/// A value met while running: what a query returns, a filter transforms, a predicate checks and a
/// capture stores. "No value" (a missing header, a JSONPath that selects nothing) is `nil` around it.
public enum RunValue: Sendable, Hashable {
    case null
    case bool(Bool)
    /// Keeps the exact literal, so big integers and decimals compare exactly.
    case number(JSONNumber)
    case string(String)
    case list([RunValue])
    case object(JSONObject)
    case bytes([UInt8])
    /// Seconds since 1970-01-01T00:00:00Z.
    case date(Double)

    public init(json: JSONValue) {
        switch json {
        case .null: self = .null
        case .bool(let bool): self = .bool(bool)
        case .number(let number): self = .number(number)
        case .string(let string): self = .string(string)
        case .array(let elements): self = .list(elements.map(RunValue.init(json:)))
        case .object(let object): self = .object(object)
        }
    }

    public static func integer(_ value: Int) -> RunValue { .number(JSONNumber(value)) }

    /// Types a value given as text (`--variable`, `[Options] variable:`) the way Hurl does:
    /// `true`/`false`, `null`, a JSON number, or else the text itself.
    public static func inferred(from text: String) -> RunValue {
        switch text {
        case "true": return .bool(true)
        case "false": return .bool(false)
        case "null": return .null
        default:
            if let number = JSONNumber(literal: text) { return .number(number) }
            return .string(text)
        }
    }

    /// The value as JSON, when it has a JSON form.
    public var json: JSONValue? {
        switch self {
        case .null: .null
        case .bool(let bool): .bool(bool)
        case .number(let number): .number(number)
        case .string(let string): .string(string)
        case .list(let elements):
            elements.reduce(into: [JSONValue]?.some([])) { result, element in
                guard let json = element.json else { result = nil; return }
                result?.append(json)
            }.map(JSONValue.array)
        case .object(let object): .object(object)
        case .bytes, .date: nil
        }
    }

    /// The text a `{{name}}` placeholder becomes: strings as they are, other values in their JSON form.
    public var templateText: String {
        switch self {
        case .string(let string): string
        case .bytes(let bytes): Hex.encode(bytes)
        case .date(let seconds): ISODate.format(seconds)
        default: json?.serialized() ?? ""
        }
    }

    /// How reports show the value: strings quoted, bytes as `hex,…;`.
    public var display: String {
        switch self {
        case .string(let string): JSONValue.quoted(string)
        case .bytes(let bytes): "hex,\(Hex.encode(bytes.prefix(64)))\(bytes.count > 64 ? "…" : "");"
        case .date(let seconds): ISODate.format(seconds)
        default: json?.serialized() ?? ""
        }
    }

    public var kindName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .number(let number): number.isIntegerLiteral ? "integer" : "float"
        case .string: "string"
        case .list: "list"
        case .object: "object"
        case .bytes: "bytes"
        case .date: "date"
        }
    }
}

extension JSONNumber {
    /// Hurl tells integers from floats by how they are written: `5` is an integer, `5.0` a float.
    var isIntegerLiteral: Bool {
        // One pass over the bytes: String's `contains` of a string goes through Foundation's search.
        !literal.utf8.contains { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }
    }
}

/// Shows a possibly missing value.
func display(_ value: RunValue?) -> String {
    value?.display ?? "none"
}

import JSON
import Yams

/// A YAML document read onto the JSON engine, so a description written in YAML is the same value,
/// with the same key order and number literals, as its JSON twin.
///
/// YAML aliases are expanded, and an alias can name a node that names itself many times over (the
/// "billion laughs" document), so the expansion is bounded by a node budget; flow collections are
/// bounded in depth before libyaml, which recurses, ever sees them.
enum YAMLDocument {
    static let maxDepth = 256
    static let maxNodes = 1_000_000

    static func parse(_ text: String) throws(OpenAPILoadError) -> JSONValue {
        if let line = firstLineTooDeep(text) {
            throw OpenAPILoadError(message: "YAML nested deeper than \(maxDepth) levels (line \(line))")
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw OpenAPILoadError(message: "not valid YAML: \(Self.describe(error))")
        } catch {
            throw OpenAPILoadError(message: "not valid YAML: \(error)")
        }
        guard let root else { throw OpenAPILoadError(message: "the YAML document is empty") }
        var budget = maxNodes
        return try value(of: root, depth: 0, budget: &budget)
    }

    private static func value(of node: Node, depth: Int, budget: inout Int) throws(OpenAPILoadError) -> JSONValue {
        budget -= 1
        guard budget >= 0 else {
            throw OpenAPILoadError(message: "YAML aliases expand to more than \(maxNodes) nodes")
        }
        guard depth < maxDepth else {
            throw OpenAPILoadError(message: "YAML nested deeper than \(maxDepth) levels")
        }
        switch node {
        case .scalar(let scalar):
            return self.scalar(scalar)
        case .sequence(let sequence):
            var elements: [JSONValue] = []
            elements.reserveCapacity(sequence.count)
            for element in sequence {
                elements.append(try value(of: element, depth: depth + 1, budget: &budget))
            }
            return .array(elements)
        case .mapping(let mapping):
            var object = JSONObject()
            for (key, element) in mapping {
                let name: String
                switch key {
                case .scalar(let scalar): name = scalar.string
                default: throw OpenAPILoadError(message: "a YAML mapping key that is not a scalar\(Self.where(key.mark))")
                }
                object.append(key: name, value: try value(of: element, depth: depth + 1, budget: &budget))
            }
            return .object(object)
        case .alias(let alias):
            throw OpenAPILoadError(message: "YAML alias *\(alias.anchor.rawValue) names no anchor\(Self.where(alias.mark))")
        }
    }

    /// Plain scalars take YAML 1.1's core types as libyaml's resolver reads them; quoted ones stay strings.
    private static func scalar(_ scalar: Node.Scalar) -> JSONValue {
        let text = scalar.string
        // Yams resolves a plain scalar's tag with regular expressions, which dominated reading a large
        // description; a JSON number literal and a word longer than any null or boolean (`false`) need none.
        if scalar.style == .plain {
            if let number = JSONNumber(literal: text) { return .number(number) }
            if text.count > 5, text.first?.isLetter == true { return .string(text) }
        }
        // The node's tag is resolved from the text for plain scalars; quoted ones resolve to strings.
        switch Node.scalar(scalar).tag.rawValue {
        case Tag.Name.null.rawValue:
            return .null
        case Tag.Name.bool.rawValue:
            return .bool(["true", "yes", "on", "y"].contains(text.lowercased()))
        case Tag.Name.int.rawValue:
            if let number = JSONNumber(literal: text) { return .number(number) }
            let digits = text.replacingOccurrences(of: "_", with: "")
            if let number = JSONNumber(literal: digits.hasPrefix("+") ? String(digits.dropFirst()) : digits) {
                return .number(number)
            }
            if let int = Int(digits.replacingOccurrences(of: "0x", with: ""), radix: digits.hasPrefix("0x") ? 16 : 10) {
                return .number(JSONNumber(int))
            }
            return .string(text)
        case Tag.Name.float.rawValue:
            if let number = JSONNumber(literal: text) { return .number(number) }
            let trimmed = text.hasPrefix("+") ? String(text.dropFirst()) : text
            if let number = JSONNumber(literal: trimmed) { return .number(number) }
            if let double = Double(trimmed), double.isFinite { return .number(JSONNumber(double)) }
            return .string(text)
        default:
            return .string(text)
        }
    }

    /// The line where flow brackets (`[`, `{`) open deeper than `maxDepth`, outside quoted text.
    private static func firstLineTooDeep(_ text: String) -> Int? {
        var depth = 0, line = 1
        var quote: UInt8? = nil
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\n") { line += 1 }
            if let open = quote {
                if byte == open && !(open == UInt8(ascii: "\"") && previous == UInt8(ascii: "\\")) { quote = nil }
            } else {
                switch byte {
                case UInt8(ascii: "\""):
                    quote = byte
                case UInt8(ascii: "'") where previous == UInt8(ascii: " ") || previous == UInt8(ascii: "[")
                    || previous == UInt8(ascii: "{") || previous == UInt8(ascii: ","):
                    quote = byte
                case UInt8(ascii: "["), UInt8(ascii: "{"):
                    depth += 1
                    if depth > maxDepth { return line }
                case UInt8(ascii: "]"), UInt8(ascii: "}"):
                    depth = max(0, depth - 1)
                default:
                    break
                }
            }
            previous = byte
        }
        return nil
    }

    private static func `where`(_ mark: Mark?) -> String {
        mark.map { " (line \($0.line))" } ?? ""
    }

    private static func describe(_ error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            return "\(problem) (line \(mark.line), column \(mark.column))"
        default:
            return "\(error)".split(separator: "\n").first.map(String.init) ?? "unreadable"
        }
    }
}

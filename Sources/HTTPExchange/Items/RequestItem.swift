/// One HTTPie-style request item, as typed after the URL.
///
/// | typed             | meaning                                     |
/// |-------------------|---------------------------------------------|
/// | `Header:value`    | header (`Header:` removes a default one)    |
/// | `Header;`         | header with an empty value                  |
/// | `param==value`    | query parameter                             |
/// | `name=value`      | string field (JSON body, or form field)     |
/// | `name:=json`      | raw JSON field                              |
/// | `name=@file`      | string field read from a file               |
/// | `name:=@file`     | raw JSON field read from a file             |
/// | `name@file`       | file upload (multipart form)                |
///
/// A backslash escapes a separator character: `a\=b=c` is the field `a=b` with value `c`.
public enum RequestItem: Sendable, Equatable {
    case header(name: String, value: String)
    case removeHeader(name: String)
    case query(name: String, value: String)
    case field(name: String, value: String)
    case jsonField(name: String, json: String)
    case fieldFromFile(name: String, path: String)
    case jsonFieldFromFile(name: String, path: String)
    case fileUpload(name: String, path: String, contentType: String?)

    /// Separators longest first, so that `==` wins over `=` at the same position.
    private static let separators: [(String, Kind)] = [
        (":=@", .jsonFieldFromFile), ("=@", .fieldFromFile), ("==", .query), (":=", .jsonField),
        ("=", .field), ("@", .fileUpload), (":", .header), (";", .emptyHeader),
    ]

    private enum Kind { case header, emptyHeader, query, field, jsonField, fieldFromFile, jsonFieldFromFile, fileUpload }

    /// Whether `token` reads as a request item rather than, say, a URL.
    public static func looksLikeItem(_ token: String) -> Bool {
        (try? parse(token)) != nil
    }

    public static func parse(_ token: String) throws(RequestItemError) -> RequestItem {
        let characters = Array(token)
        var index = 0
        var name = ""
        while index < characters.count {
            let character = characters[index]
            if character == "\\", index + 1 < characters.count {
                name.append(characters[index + 1])
                index += 2
                continue
            }
            if let (separator, kind) = separators.first(where: { matches($0.0, in: characters, at: index) }) {
                let value = unescape(characters[(index + separator.count)...])
                guard !name.isEmpty else { throw .missingName(token) }
                return try make(kind, name: name, value: value, token: token)
            }
            name.append(character)
            index += 1
        }
        throw .noSeparator(token)
    }

    /// A `{{template}}` in a header is checked once expanded, when the request is sent.
    private static func checkHeader(name: String, value: String) throws(RequestItemError) {
        guard HTTPFieldSyntax.isValidName(name.replacing(/\{\{[^{}]*\}\}/, with: "x")) else { throw .invalidHeader(.name(name)) }
        guard HTTPFieldSyntax.isValidValue(value) else { throw .invalidHeader(.value(name: name)) }
    }

    private static func make(_ kind: Kind, name: String, value: String, token: String) throws(RequestItemError) -> RequestItem {
        switch kind {
        case .header:
            try checkHeader(name: name, value: value)
            return value.isEmpty ? .removeHeader(name: name) : .header(name: name, value: trimLeadingSpace(value))
        case .emptyHeader:
            guard value.isEmpty else { throw .noSeparator(token) }
            try checkHeader(name: name, value: value)
            return .header(name: name, value: "")
        case .query: return .query(name: name, value: value)
        case .field: return .field(name: name, value: value)
        case .jsonField: return .jsonField(name: name, json: value)
        case .fieldFromFile:
            guard !value.isEmpty else { throw .missingPath(token) }
            return .fieldFromFile(name: name, path: value)
        case .jsonFieldFromFile:
            guard !value.isEmpty else { throw .missingPath(token) }
            return .jsonFieldFromFile(name: name, path: value)
        case .fileUpload:
            guard !value.isEmpty else { throw .missingPath(token) }
            // `file@path;type=image/png` names the part's content type, as HTTPie does.
            if let typeRange = value.firstRange(of: ";type=") {
                return .fileUpload(
                    name: name, path: String(value[..<typeRange.lowerBound]),
                    contentType: String(value[typeRange.upperBound...]))
            }
            return .fileUpload(name: name, path: value, contentType: nil)
        }
    }

    private static func matches(_ separator: String, in characters: [Character], at index: Int) -> Bool {
        var position = index
        for character in separator {
            guard position < characters.count, characters[position] == character else { return false }
            position += 1
        }
        return true
    }

    private static func unescape(_ characters: ArraySlice<Character>) -> String {
        var result = ""
        var escaping = false
        for character in characters {
            if escaping {
                result.append(character)
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                result.append(character)
            }
        }
        if escaping { result.append("\\") }
        return result
    }

    private static func trimLeadingSpace(_ value: String) -> String {
        String(value.drop { $0 == " " })
    }

    /// The item as a person would type it again, quoting aside.
    public var typed: String {
        func escaped(_ name: String) -> String {
            var result = ""
            for character in name {
                if ":=@;\\".contains(character) { result.append("\\") }
                result.append(character)
            }
            return result
        }
        switch self {
        case .header(let name, let value): return value.isEmpty ? "\(escaped(name));" : "\(escaped(name)):\(value)"
        case .removeHeader(let name): return "\(escaped(name)):"
        case .query(let name, let value): return "\(escaped(name))==\(value)"
        case .field(let name, let value): return "\(escaped(name))=\(value)"
        case .jsonField(let name, let json): return "\(escaped(name)):=\(json)"
        case .fieldFromFile(let name, let path): return "\(escaped(name))=@\(path)"
        case .jsonFieldFromFile(let name, let path): return "\(escaped(name)):=@\(path)"
        case .fileUpload(let name, let path, let type):
            return "\(escaped(name))@\(path)" + (type.map { ";type=\($0)" } ?? "")
        }
    }
}

public enum RequestItemError: Error, Sendable, Equatable, CustomStringConvertible {
    case noSeparator(String)
    case missingName(String)
    case missingPath(String)
    case invalidHeader(InvalidHeaderField)

    public var description: String {
        switch self {
        case .noSeparator(let token):
            "'\(token)' is not a request item: use Header:value, name=value, name:=json, param==value or field@file"
        case .missingName(let token): "'\(token)' has no name before its separator"
        case .missingPath(let token): "'\(token)' names no file after '@'"
        case .invalidHeader(let field): field.description
        }
    }
}

/// What a header field may hold (RFC 9110 §5.1, §5.5), checked where headers are read from people and
/// files: a name or value outside it cannot be sent, and the HTTP stack stops the process on one.
public enum HTTPFieldSyntax {
    /// A field name is a token: ASCII letters, digits and ``!#$%&'*+-.^_`|~``.
    public static func isValidName(_ name: some StringProtocol) -> Bool {
        !name.isEmpty && name.utf8.allSatisfy { tokenBytes.contains($0) }
    }

    /// A field value never holds CR, LF or NUL, which would end the field or the message early.
    public static func isValidValue(_ value: some StringProtocol) -> Bool {
        !value.utf8.contains { $0 == UInt8(ascii: "\r") || $0 == UInt8(ascii: "\n") || $0 == 0 }
    }

    /// The token characters as bytes; a byte of a non-ASCII scalar is never one.
    private static let tokenBytes = ByteSet((0...127).filter { isTokenCharacter(Unicode.Scalar(UInt8($0))) }.map(UInt8.init))

    public static func isTokenCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
            || "!#$%&'*+-.^_`|~".unicodeScalars.contains(scalar))
    }

    /// Checks one field, naming what is wrong with it.
    public static func check(name: String, value: String) throws(InvalidHeaderField) {
        guard isValidName(name) else { throw .name(name) }
        guard isValidValue(value) else { throw .value(name: name) }
    }
}

/// A header field that cannot be sent as given.
public enum InvalidHeaderField: Error, Sendable, Equatable, CustomStringConvertible {
    case name(String)
    case value(name: String)

    public var description: String {
        switch self {
        case .name(let name):
            "'\(name)' is not a valid header name: use ASCII letters, digits and !#$%&'*+-.^_`|~ only (RFC 9110)"
        case .value(let name):
            "the value of header '\(name)' holds a line break or NUL character, which HTTP does not allow"
        }
    }
}

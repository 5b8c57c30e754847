/// HTTP Basic credentials (RFC 7617): `Authorization: Basic` and the Base64 of the UTF-8 `user-pass`,
/// which is the user name, a colon and the password. A user name cannot hold a colon; a password can.
public struct BasicCredentials: Sendable, Equatable {
    public let username: String
    public let password: String

    public init(username: String, password: String) {
        self.username = username
        self.password = password
    }

    /// The credentials an `Authorization` value carries; nil when its scheme is not Basic, or when what
    /// follows is not the padded Base64 of UTF-8 text with a colon.
    public init?(authorization: String) {
        guard Self.isBasic(authorization) else { return nil }
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        var encoded = authorization.dropFirst(6).drop(while: isSpace)
        while let last = encoded.last, isSpace(last) { encoded = encoded.dropLast() }
        guard let bytes = Base64.decode(encoded, padding: .required), let userPass = String(validating: bytes, as: UTF8.self),
              let colon = userPass.firstIndex(of: ":") else { return nil }
        username = String(userPass[..<colon])
        password = String(userPass[userPass.index(after: colon)...])
    }

    /// Whether an `Authorization` value uses the Basic scheme, whose name is case-insensitive.
    public static func isBasic(_ authorization: String) -> Bool {
        authorization.count >= 6 && authorization.prefix(6).lowercased() == "basic "
    }

    public static func headerValue(username: String, password: String) -> String {
        headerValue(userPass: username + ":" + password)
    }

    /// The value for a `user-pass` given whole, as curl's `-u` and Hurl's `--user` option
    /// pass it on: sent as typed, so text without a colon stays without one.
    public static func headerValue(userPass: String) -> String {
        "Basic " + Base64.encode(userPass.utf8)
    }
}

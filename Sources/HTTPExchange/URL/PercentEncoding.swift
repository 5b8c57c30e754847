/// Percent-encoding for the parts of a URL apish builds itself (query items, form fields).
public enum PercentEncoding {
    /// Characters left alone in a query name or value: RFC 3986 unreserved plus the sub-delimiters
    /// that browsers and curl leave as they are, minus `&`, `=`, `+` and `;` which would change meaning.
    /// Brackets are encoded (`where%5B0%5D`), as HTTPie and browsers send them: RFC 3986 reserves them.
    static let queryAllowed = ByteSet("!$'()*,/:?@".utf8).union(unreserved)
    /// What may stand unescaped in a URL's path and query (RFC 3986 pchar, `/` and `?`).
    static let urlAllowed = ByteSet("!$&'()*+,;=:@/?".utf8).union(unreserved)
    /// RFC 3986 unreserved: what OAuth 1, PKCE verifiers and form encoding never escape.
    public static let unreserved = ByteSet("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".utf8)

    public static func encodeQueryComponent(_ text: String) -> String {
        encode(text, allowed: queryAllowed)
    }

    /// `application/x-www-form-urlencoded` as browsers send it: unreserved kept, space as `+`.
    public static func encodeFormComponent(_ text: String) -> String {
        encode(text, allowed: unreserved, spaceAsPlus: true)
    }

    public static func encode(_ text: String, allowed: ByteSet, spaceAsPlus: Bool = false) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if allowed.contains(byte) {
                bytes.append(byte)
            } else if spaceAsPlus && byte == UInt8(ascii: " ") {
                bytes.append(UInt8(ascii: "+"))
            } else {
                bytes.append(UInt8(ascii: "%"))
                bytes.append(hexDigits[Int(byte >> 4)])
                bytes.append(hexDigits[Int(byte & 0x0F)])
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A URL as typed, made valid for the wire: characters RFC 3986 does not allow in a path or query
    /// (spaces, brackets, non-ASCII…) are percent-encoded, and a `%` that starts no escape becomes `%25`;
    /// existing `%XX` escapes are kept, so nothing is encoded twice. The authority is left alone.
    public static func normalizedURL(_ url: String) -> String {
        guard let parts = URLText(url), !parts.rest.isEmpty, !isValidOnTheWire(parts.rest) else { return url }
        let pathStart = parts.rest.startIndex
        var rest = Array(parts.rest.utf8)
        var fragment: [UInt8] = []
        if let hash = rest.firstIndex(of: UInt8(ascii: "#")) {
            fragment = Array(rest[hash...])
            rest = Array(rest[..<hash])
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(rest.count)
        for (index, byte) in rest.enumerated() {
            if byte == UInt8(ascii: "%"), index + 2 < rest.count, hexValue(rest[index + 1]) != nil, hexValue(rest[index + 2]) != nil {
                bytes.append(byte)
            } else if urlAllowed.contains(byte) {
                bytes.append(byte)
            } else {
                bytes.append(UInt8(ascii: "%"))
                bytes.append(hexDigits[Int(byte >> 4)])
                bytes.append(hexDigits[Int(byte & 0x0F)])
            }
        }
        return String(url[..<pathStart]) + String(decoding: bytes + fragment, as: UTF8.self)
    }

    /// True when a path and query need no escaping (what most URLs are): read once, nothing built.
    private static func isValidOnTheWire(_ rest: Substring) -> Bool {
        var rest = rest
        return rest.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "%") {
                    guard index + 2 < bytes.count, hexValue(bytes[index + 1]) != nil, hexValue(bytes[index + 2]) != nil else { return false }
                    index += 3
                    continue
                }
                if byte == UInt8(ascii: "#") || !urlAllowed.contains(byte) { return false }
                index += 1
            }
            return true
        }
    }

    /// Decodes `%XX` escapes (and `+` as space when asked); malformed escapes are kept as written.
    public static func decode(_ text: some StringProtocol, plusAsSpace: Bool = false) -> String {
        let input = Array(text.utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(input.count)
        var index = 0
        while index < input.count {
            let byte = input[index]
            if byte == UInt8(ascii: "%"), index + 2 < input.count,
                let high = hexValue(input[index + 1]), let low = hexValue(input[index + 2])
            {
                bytes.append(high << 4 | low)
                index += 3
                continue
            }
            bytes.append(plusAsSpace && byte == UInt8(ascii: "+") ? UInt8(ascii: " ") : byte)
            index += 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Splits `a=1&b=2` into decoded pairs, keeping order, repeats and empty values.
    public static func decodePairs(_ query: some StringProtocol, plusAsSpace: Bool = true) -> [(String, String)] {
        Substring(query).split(atByte: UInt8(ascii: "&")).filter { !$0.isEmpty }.map { pair in
            let parts = pair.split(atByte: UInt8(ascii: "="), maxSplits: 1)
            let name = decode(parts[0], plusAsSpace: plusAsSpace)
            let value = parts.count > 1 ? decode(parts[1], plusAsSpace: plusAsSpace) : ""
            return (name, value)
        }
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

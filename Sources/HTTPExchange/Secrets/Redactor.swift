import JSON

/// Masks secrets where they were placed, never by searching unrelated text for the same letters: a
/// credential header's value (its scheme kept), a query, form or JSON value that is a secret or sits
/// under a credential name, the password of a URL's userinfo, a path segment that is a secret.
/// Text that merely contains a secret's letters (`mautic-docs` when the password is `mautic`) is
/// left intact.
public struct Redactor: Sendable {
    public static let mask = "••••••"
    public let secrets: Set<String>

    public init(secrets: some Sequence<String>) {
        var kept = Set<String>()
        for secret in secrets where !secret.isEmpty { kept.insert(secret) }
        self.secrets = kept
    }

    /// Masks nothing but credential names: for output where no secret values are known.
    public static let namesOnly = Redactor(secrets: [])

    public func isSecret(_ value: some StringProtocol) -> Bool { !value.isEmpty && secrets.contains(String(value)) }

    /// A whole value, masked when it is a secret.
    public func value(_ value: String) -> String { isSecret(value) ? Self.mask : value }

    // MARK: Headers

    /// A header value as shown: credentials keep their scheme (`Bearer ••••••`), OAuth 1 its parameter
    /// names, a cookie its names; any other header is masked only when its whole value is a secret.
    public func headerValue(_ value: String, name: String) -> String {
        guard !value.isEmpty else { return value }
        guard CredentialNames.isCredentialHeader(name) else { return self.value(value) }
        switch name.lowercased() {
        case "cookie":
            return value.split(atByte: UInt8(ascii: ";")).filter { !$0.isEmpty }.map { pair in
                String(pair.split(atByte: UInt8(ascii: "="), maxSplits: 1)[0]) + "=" + Self.mask
            }.joined(separator: ";")
        case "authorization", "proxy-authorization":
            let parts = value.split(atByte: UInt8(ascii: " "), maxSplits: 1).filter { !$0.isEmpty }
            guard parts.count == 2 else { return Self.mask }
            guard parts[0].lowercased() == "oauth" else { return "\(parts[0]) \(Self.mask)" }
            return "OAuth " + parts[1].split(atByte: UInt8(ascii: ",")).map { parameter in
                let pair = parameter.split(atByte: UInt8(ascii: "="), maxSplits: 1)
                guard pair.count == 2 else { return String(parameter) }
                let name = pair[0].drop { $0 == " " }
                let quoted = pair[1].hasPrefix("\"") && pair[1].hasSuffix("\"") && pair[1].count >= 2
                let raw = quoted ? pair[1].dropFirst().dropLast() : pair[1]
                guard CredentialNames.isCredentialParameter(name) || isSecret(PercentEncoding.decode(raw)) else { return String(parameter) }
                return "\(pair[0])=" + (quoted ? "\"\(Self.mask)\"" : Self.mask)
            }.joined(separator: ",")
        default:
            return Self.mask
        }
    }

    public func headers(_ headers: HTTPHeaders) -> HTTPHeaders {
        var redacted = HTTPHeaders()
        for field in headers { redacted.add(field.name, headerValue(field.value, name: field.name)) }
        return redacted
    }

    // MARK: URLs and forms

    /// A URL as shown: the userinfo's password, secret path segments, and query values that are
    /// secrets or sit under a credential name are masked; the rest is kept byte for byte.
    public func url(_ text: String) -> String {
        var rest = Substring(text)
        var result = ""
        let urlText = URLText(rest)
        // No userinfo, no query and no secret a path segment could be: nothing to mask, nothing to rebuild.
        if let urlText, urlText.userinfo == nil, secrets.isEmpty, !urlText.rest.utf8.contains(UInt8(ascii: "?")) { return text }
        if let parts = urlText {
            result += parts.schemePrefix
            if let userinfo = parts.userinfo, let user = parts.user {
                if parts.password != nil {
                    result += user + ":" + Self.mask
                } else {
                    result += isSecret(PercentEncoding.decode(userinfo)) ? Self.mask : String(userinfo)
                }
                result += "@"
            }
            result += parts.hostAndPort
            rest = parts.rest
        }
        let fragmentStart = rest.firstIndex(ofByte: UInt8(ascii: "#")) ?? rest.endIndex
        let fragment = rest[fragmentStart...]
        rest = rest[..<fragmentStart]
        let queryStart = rest.firstIndex(ofByte: UInt8(ascii: "?"))
        let path = rest[..<(queryStart ?? rest.endIndex)]
        // With no secret known, no segment can be one: nothing to decode.
        result += secrets.isEmpty ? String(path) : path.split(atByte: UInt8(ascii: "/")).map { segment in
            isSecret(PercentEncoding.decode(segment)) ? Self.mask : String(segment)
        }.joined(separator: "/")
        if let queryStart {
            result += "?" + query(rest[rest.utf8.index(after: queryStart)...])
        }
        return result + fragment
    }

    /// `name=value&…` (a query or a form body) with credential values masked, the rest as written.
    public func query(_ query: some StringProtocol) -> String {
        Substring(query).split(atByte: UInt8(ascii: "&")).map { pair in
            let parts = pair.split(atByte: UInt8(ascii: "="), maxSplits: 1)
            guard parts.count == 2 else { return String(pair) }
            let name = PercentEncoding.decode(parts[0], plusAsSpace: true)
            let value = PercentEncoding.decode(parts[1], plusAsSpace: true)
            guard !value.isEmpty, CredentialNames.isCredentialParameter(name) || isSecret(value) else { return String(pair) }
            return "\(parts[0])=" + Self.mask
        }.joined(separator: "&")
    }

    public func formFields(_ fields: [FormField]) -> [FormField] {
        fields.map { field in
            let masked = !field.value.isEmpty && (CredentialNames.isCredentialParameter(field.name) || isSecret(field.value))
            return FormField(name: field.name, value: masked ? Self.mask : field.value)
        }
    }

    // MARK: Bodies

    /// A JSON document with string values masked that are secrets, sit under a credential name, or are
    /// URLs carrying one. Nil when nothing needed masking, so callers keep the original untouched.
    public func json(_ value: JSONValue) -> JSONValue? {
        switch value {
        case .string(let text):
            if isSecret(text) { return .string(Self.mask) }
            // A JSON document inside a string (an echo of a request body) is redacted as a document.
            if let first = text.first(where: { !$0.isWhitespace }), first == "{" || first == "[",
                let inner = try? JSONValue.parse(Array(text.utf8))
            {
                return json(inner).map { .string($0.serialized()) }
            }
            guard text.contains("://") || text.contains("?") else { return nil }
            let masked = url(text)
            return masked == text ? nil : .string(masked)
        case .array(let elements):
            var changed = false
            let redacted = elements.map { element in
                guard let masked = json(element) else { return element }
                changed = true
                return masked
            }
            return changed ? .array(redacted) : nil
        case .object(let object):
            var changed = false
            let members = object.members.map { member -> JSONObject.Member in
                if case .string(let text) = member.value, !text.isEmpty, CredentialNames.isCredentialParameter(member.key) {
                    changed = true
                    return (member.key, .string(Self.mask))
                }
                guard let masked = json(member.value) else { return member }
                changed = true
                return (member.key, masked)
            }
            return changed ? .object(JSONObject(members)) : nil
        case .null, .bool, .number:
            return nil
        }
    }

    /// Body bytes as shown: JSON and form bodies redacted by placement, other bodies as they are.
    public func body(_ bytes: [UInt8], contentType: String?) -> [UInt8] {
        let type = contentType?.lowercased() ?? ""
        if type.contains("application/x-www-form-urlencoded"), let text = String(validating: bytes, as: UTF8.self) {
            return Array(query(text).utf8)
        }
        let first = bytes.first { $0 > 0x20 }
        guard type.contains("json") || first == UInt8(ascii: "{") || first == UInt8(ascii: "[") else { return bytes }
        guard let document = try? JSONValue.parse(bytes), let masked = json(document) else { return bytes }
        return Array(masked.serialized().utf8)
    }

    /// The request as it may be shown, logged or exported: every placement above applied.
    public func request(_ request: HTTPRequest) -> HTTPRequest {
        var redacted = request
        redacted.url = url(request.url)
        redacted.headers = headers(request.headers)
        switch request.body {
        case .empty: break
        case .bytes(let bytes): redacted.body = .bytes(body(bytes, contentType: request.headers["Content-Type"]))
        case .form(let fields): redacted.body = .form(formFields(fields))
        case .multipart(let parts):
            redacted.body = .multipart(parts.map { part in
                guard case .text(let value) = part.content,
                    CredentialNames.isCredentialParameter(part.name) || isSecret(value)
                else { return part }
                return MultipartPart(name: part.name, content: .text(Self.mask))
            })
        }
        return redacted
    }

    // MARK: Credentials a request carries

    /// The values a request carries where credentials are placed — typed by hand, imported from curl,
    /// written in a collection — so that the registry learns them: the credentials of a credential
    /// header, query, form and JSON values under a credential name, the userinfo password.
    public static func credentials(in request: HTTPRequest) -> [String] {
        var found: [String] = []
        for field in request.headers where CredentialNames.isCredentialHeader(field.name) && !field.value.isEmpty {
            let parts = field.value.split(atByte: UInt8(ascii: " "), maxSplits: 1).filter { !$0.isEmpty }.map { String($0.drop { $0 == " " }) }
            guard parts.count == 2, ["authorization", "proxy-authorization"].contains(field.name.lowercased()) else {
                found.append(field.value)
                continue
            }
            found.append(parts[1])
        }
        if let parts = URLText(request.url) {
            if let query = parts.query {
                found += PercentEncoding.decodePairs(query).filter { CredentialNames.isCredentialParameter($0.0) }.map(\.1)
            }
            if let password = parts.password { found.append(PercentEncoding.decode(password)) }
        }
        switch request.body {
        case .form(let fields): found += fields.filter { CredentialNames.isCredentialParameter($0.name) }.map(\.value)
        case .bytes(let bytes):
            if let document = try? JSONValue.parse(bytes) { found += credentialMembers(of: document) }
        case .empty, .multipart: break
        }
        return found.filter { !$0.isEmpty }
    }

    private static func credentialMembers(of value: JSONValue) -> [String] {
        switch value {
        case .object(let object):
            object.members.flatMap { member -> [String] in
                if case .string(let text) = member.value, CredentialNames.isCredentialParameter(member.key) { return [text] }
                return credentialMembers(of: member.value)
            }
        case .array(let elements): elements.flatMap(credentialMembers)
        case .null, .bool, .number, .string: []
        }
    }

    // MARK: Composed lines

    /// A line composed of fields (an auth trace step): a secret is masked where it stands whole,
    /// between delimiters — never inside a longer word such as a profile name that shares its letters.
    /// A percent-encoded delimiter (`%3D`) counts as one, since base strings show encoded values.
    public func fields(_ text: String) -> String {
        guard !secrets.isEmpty else { return text }
        var result = text
        for secret in secrets.sorted(by: { $0.count > $1.count }) {
            var searchFrom = 0
            while let range = result[result.index(result.startIndex, offsetBy: searchFrom)...].firstRange(of: secret) {
                let offset = result.distance(from: result.startIndex, to: range.lowerBound)
                if Self.isDelimited(range, in: result) {
                    result.replaceSubrange(range, with: Self.mask)
                    searchFrom = offset + Self.mask.count
                } else {
                    searchFrom = offset + 1
                }
            }
        }
        return result
    }

    private static func isDelimited(_ range: Range<String.Index>, in text: String) -> Bool {
        func isWordCharacter(_ character: Character) -> Bool {
            character.isLetter || character.isNumber || character == "-" || character == "_" || character == "." || character == "~"
        }
        if range.upperBound < text.endIndex, isWordCharacter(text[range.upperBound]), text[range.upperBound] != "." {
            return false
        }
        guard range.lowerBound > text.startIndex else { return true }
        if let start = text.index(range.lowerBound, offsetBy: -3, limitedBy: text.startIndex) {
            let encoded = text[start..<range.lowerBound]
            if encoded.first == "%", encoded.dropFirst().allSatisfy(\.isHexDigit) { return true }
        }
        return !isWordCharacter(text[text.index(before: range.lowerBound)])
    }
}

import HTTPExchange
import Hurl
import JSON

/// Takes credentials typed literally out of a Hurl entry, so that a collection never holds one: a
/// credential header's value (its scheme kept: `Authorization: Bearer {{authorization}}`), a query or
/// form parameter, JSON body member or `[BasicAuth]` password under a credential name, a URL's
/// userinfo password. Each
/// becomes a `{{name}}` placeholder, and its value is returned for the caller to keep as a secret.
/// `save` in the shell and curl import both go through here.
public struct LiteralCredentials: Sendable {
    /// Variable name → value, in the order they were found.
    public private(set) var secrets: [(name: String, value: String)] = []
    /// Names already in use (the environment's variables) and the secret values they hold, so that a
    /// credential already kept under a name reuses it.
    private var taken: [String: String?]

    /// - Parameter existing: the variables already defined, with their values when they are secrets.
    public init(existing: [String: String?] = [:]) {
        taken = existing
    }

    public mutating func extract(from entry: inout HurlEntry) {
        var request = entry.request
        request.url = extractUserinfoPassword(request.url)
        for index in request.headers.indices {
            let header = request.headers[index]
            guard let name = header.key.literalText, CredentialNames.isCredentialHeader(name),
                let value = header.value.literalText, !value.isEmpty
            else { continue }
            let parts = value.split(separator: " ", maxSplits: 1)
            let lower = name.lowercased()
            if (lower == "authorization" || lower == "proxy-authorization"), parts.count == 2 {
                request.headers[index].value = HurlTemplate([.text("\(parts[0]) "), placeholder(for: String(parts[1]), named: name)])
            } else {
                request.headers[index].value = HurlTemplate([placeholder(for: value, named: name)])
            }
        }
        for index in request.sections.indices {
            switch request.sections[index].content {
            case .query(let items): request.sections[index].content = .query(extractParameters(items))
            case .form(let items): request.sections[index].content = .form(extractParameters(items))
            case .basicAuth(var items):
                for item in items.indices {
                    guard let password = items[item].value.literalText, !password.isEmpty else { continue }
                    items[item].value = HurlTemplate([placeholder(for: password, named: "password")])
                }
                request.sections[index].content = .basicAuth(items)
            case .multipart, .cookies, .options: break
            }
        }
        if case .json(let raw)? = request.body?.content, let document = try? JSONValue.parse(Array(raw.utf8)),
            let replaced = extractMembers(document)
        {
            // Rewritten only when a credential was found; otherwise the body stays as written.
            request.body?.content = .json(replaced.serialized(style: .pretty))
        }
        entry.request = request
    }

    /// The document with every string member under a credential name replaced by a placeholder; nil
    /// when there is none.
    private mutating func extractMembers(_ value: JSONValue) -> JSONValue? {
        switch value {
        case .object(let object):
            var changed = false
            var members: [JSONObject.Member] = []
            for member in object.members {
                if case .string(let text) = member.value, !text.isEmpty, !text.contains("{{"),
                    CredentialNames.isCredentialParameter(member.key), case .placeholder(let placeholder) = placeholder(for: text, named: member.key)
                {
                    members.append((member.key, .string(placeholder.description)))
                    changed = true
                } else if let nested = extractMembers(member.value) {
                    members.append((member.key, nested))
                    changed = true
                } else {
                    members.append(member)
                }
            }
            return changed ? .object(JSONObject(members)) : nil
        case .array(let elements):
            var changed = false
            var result: [JSONValue] = []
            for element in elements {
                if let nested = extractMembers(element) {
                    result.append(nested)
                    changed = true
                } else {
                    result.append(element)
                }
            }
            return changed ? .array(result) : nil
        case .null, .bool, .number, .string:
            return nil
        }
    }

    private mutating func extractParameters(_ items: [HurlKeyValue]) -> [HurlKeyValue] {
        var items = items
        for index in items.indices {
            guard let name = items[index].key.literalText, CredentialNames.isCredentialParameter(name),
                let value = items[index].value.literalText, !value.isEmpty
            else { continue }
            items[index].value = HurlTemplate([placeholder(for: value, named: name)])
        }
        return items
    }

    private mutating func extractUserinfoPassword(_ url: HurlTemplate) -> HurlTemplate {
        guard case .text(let first)? = url.parts.first, let parts = URLText(first), let password = parts.password, !password.isEmpty
        else { return url }
        let before = String(first[..<password.startIndex])
        let after = String(first[password.endIndex...])
        return HurlTemplate([.text(before), placeholder(for: PercentEncoding.decode(password), named: "password"), .text(after)]
                            + url.parts.dropFirst())
    }

    private mutating func placeholder(for value: String, named hint: String) -> HurlTemplate.Part {
        if let known = taken.first(where: { $0.value == value })?.key { return .placeholder(HurlPlaceholder(name: known)) }
        if let found = secrets.first(where: { $0.value == value }) { return .placeholder(HurlPlaceholder(name: found.name)) }
        let base = NameSlug.variable(hint)
        var name = base
        var number = 2
        while taken[name] != nil || secrets.contains(where: { $0.name == name }) {
            name = "\(base)_\(number)"
            number += 1
        }
        secrets.append((name, value))
        return .placeholder(HurlPlaceholder(name: name))
    }
}

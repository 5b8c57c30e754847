import HTTPExchange
import JSON

/// A URL as Postman's structured URL object (raw, protocol, host, port, path, query), for URLs that
/// may be templates such as `{{baseUrl}}/api/contacts?limit=5`.
enum PostmanURL {
    static func object(for raw: String) -> JSONValue {
        var object = JSONObject([(key: "raw", value: .string(raw))])
        var rest = Substring(raw)
        var query: Substring?
        if let mark = rest.utf8.firstIndex(of: UInt8(ascii: "?")) {
            query = rest[rest.utf8.index(after: mark)...]
            rest = rest[..<mark]
        }
        if let parts = URLText(rest) {
            object.append(key: "protocol", value: .string(String(parts.scheme)))
            rest = rest[parts.hostAndPort.startIndex...]
        }
        let hostEnd = rest.utf8.firstIndex(of: UInt8(ascii: "/")) ?? rest.endIndex
        var host = rest[..<hostEnd]
        if let colon = host.utf8.lastIndex(of: UInt8(ascii: ":")), !host[host.utf8.index(after: colon)...].isEmpty,
           host[host.utf8.index(after: colon)...].allSatisfy(\.isNumber) {
            object.append(key: "port", value: .string(String(host[host.utf8.index(after: colon)...])))
            host = host[..<colon]
        }
        if !host.isEmpty {
            object.append(key: "host", value: .array(host.split(separator: ".", omittingEmptySubsequences: false).map { .string(String($0)) }))
        }
        let path = rest[hostEnd...]
        if !path.isEmpty {
            object.append(key: "path", value: .array(path.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map { .string(String($0)) }))
        }
        if let query {
            object.append(key: "query", value: .array(query.split(separator: "&", omittingEmptySubsequences: false).map { pair in
                let (key, value) = String(pair).splitOnce("=")
                return .object(JSONObject([(key: "key", value: .string(key)), (key: "value", value: value.map(JSONValue.string) ?? .null)]))
            }))
        }
        return .object(object)
    }
}

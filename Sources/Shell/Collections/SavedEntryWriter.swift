import HTTPExchange
import Hurl
import JSON

/// The Hurl text of a request composed in the shell, as `save` appends it: the request as typed (templates,
/// not their values), then what was checked and captured from its response.
enum SavedEntryWriter {
    static func text(record: ExchangeRecord, title: String, authProfile: String?) throws(ShellError) -> String {
        let spec = record.spec
        var lines = ["# \(title)"]
        if let authProfile { lines.append("# @auth \(authProfile)") }
        lines.append("\(spec.method.uppercased()) \(url(spec.target))")

        var query: [String] = []
        var form: [String] = []
        var multipart: [String] = []
        var jsonMembers: [String] = []
        for item in spec.items {
            switch item {
            case .header(let name, let value): lines.append("\(escapeKey(name)): \(escapeValue(value))")
            case .removeHeader: continue
            case .query(let name, let value): query.append("\(escapeKey(name)): \(escapeValue(value))")
            case .field(let name, let value):
                form.append("\(escapeKey(name)): \(escapeValue(value))")
                multipart.append("\(escapeKey(name)): \(escapeValue(value))")
                jsonMembers.append("\(JSONValue.quoted(name)): \(JSONValue.quoted(value))")
            case .jsonField(let name, let json):
                jsonMembers.append("\(JSONValue.quoted(name)): \(json)")
            case .fileUpload(let name, let path, let type):
                multipart.append("\(escapeKey(name)): file,\(path);" + (type.map { " \($0)" } ?? ""))
            case .fieldFromFile(let name, _), .jsonFieldFromFile(let name, _):
                throw .usage("field '\(name)' reads a file into the body, which a collection cannot express yet; inline the value to save it")
            }
        }
        if !query.isEmpty { lines += ["[Query]"] + query }
        switch spec.bodyMode {
        case _ where spec.rawBody != nil:
            let raw = spec.rawBody ?? ""
            let trimmed = raw.drop { $0 == " " || $0 == "\n" }
            if trimmed.first == "{" || trimmed.first == "[" { lines.append(raw) } else { lines += ["```", raw, "```"] }
        case .json where !jsonMembers.isEmpty:
            lines.append("{\n" + jsonMembers.map { "  " + $0 }.joined(separator: ",\n") + "\n}")
        case .form where !form.isEmpty && multipart.count == form.count:
            lines += ["[Form]"] + form
        case .form, .multipart:
            if !multipart.isEmpty { lines += ["[Multipart]"] + multipart }
        default: break
        }

        lines.append("")
        lines.append("HTTP \(record.response.status)")
        if !record.captures.isEmpty {
            lines.append("[Captures]")
            lines += record.captures.map { "\($0.name): jsonpath \(JSONValue.quoted($0.query))" }
        }
        if !record.expectations.isEmpty {
            lines.append("[Asserts]")
            lines += record.expectations
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Relative targets are written against `{{baseUrl}}`, so the file runs in any environment.
    static func url(_ target: String) -> String {
        let lowered = target.lowercased()
        if lowered.hasPrefix("http://") || lowered.hasPrefix("https://") || target.hasPrefix("{{") { return target }
        if target.hasPrefix(":") { return (try? RequestURL.resolve(target, baseURL: nil)) ?? target }
        return "{{baseUrl}}" + (target.hasPrefix("/") ? target : "/" + target)
    }

    static func escapeKey(_ text: String) -> String {
        escapeValue(text).replacing(":", with: "\\:")
    }

    static func escapeValue(_ text: String) -> String {
        text.replacing("\\", with: "\\\\").replacing("#", with: "\\#")
    }
}

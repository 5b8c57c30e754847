import Hurl

/// Postman `{{variables}}` as Hurl placeholders. Postman accepts names Hurl does not (`{{host.name}}`,
/// `{{a&b}}`, nested `{{x{{y}}}}`) and dynamic variables (`{{$guid}}`): those are renamed to a Hurl
/// variable name (`host_name`), `$guid` and `$randomUUID` become Hurl's `newUuid`.
enum PostmanTemplate {
    static func hurl(_ text: String) -> HurlTemplate {
        HurlTemplate.parse(raw: rewritten(text))
    }

    static func rewritten(_ text: String) -> String {
        renamings(text).text
    }

    /// The rewritten text and each placeholder renamed, as (Postman, Hurl).
    static func renamings(_ text: String) -> (text: String, renamed: [(String, String)]) {
        guard text.contains("{{") else { return (text, []) }
        var scalars = Array(text.unicodeScalars)
        var renamed: [(String, String)] = []
        var replacements: [(original: String, final: String)] = []
        let open = Unicode.Scalar(0xE000)!, close = Unicode.Scalar(0xE001)!
        func restore(_ scalars: ArraySlice<Unicode.Scalar>, final: Bool) -> String {
            var output = ""
            var index = scalars.startIndex
            while index < scalars.endIndex {
                if scalars[index] == open, let end = scalars[index...].firstIndex(of: close),
                   let number = Int(String(String.UnicodeScalarView(scalars[(index + 1)..<end]))) {
                    output += final ? replacements[number].final : replacements[number].original
                    index = end + 1
                } else {
                    output.unicodeScalars.append(scalars[index])
                    index += 1
                }
            }
            return output
        }
        while let (start, end) = innermost(scalars) {
            let inner = scalars[(start + 2)..<end]
            let name = restore(inner, final: false)
            let trimmed = name.trimmingSpaces()
            let final: String
            if HurlPlaceholder.isVariableName(trimmed) {
                final = "{{\(trimmed)}}"
            } else {
                let hurlName = ["$guid": "newUuid", "$randomUUID": "newUuid"][trimmed] ?? NameSlug.variable(trimmed)
                final = "{{\(hurlName)}}"
                renamed.append(("{{\(name)}}", final))
            }
            replacements.append(("{{\(name)}}", final))
            let token = [open] + Array(String(replacements.count - 1).unicodeScalars) + [close]
            scalars.replaceSubrange(start..<(end + 2), with: token)
        }
        return (restore(scalars[...], final: true), renamed)
    }

    /// The `{{` … `}}` pair with no `{{` inside.
    private static func innermost(_ scalars: [Unicode.Scalar]) -> (Int, Int)? {
        var lastOpen: Int?
        var index = 0
        while index + 1 < scalars.count {
            if scalars[index] == "{", scalars[index + 1] == "{" {
                lastOpen = index
                index += 2
                continue
            }
            if scalars[index] == "}", scalars[index + 1] == "}", let start = lastOpen {
                return (start, index)
            }
            index += 1
        }
        return nil
    }
}

extension String {
    func trimmingSpaces() -> String {
        var scalars = Substring(self).unicodeScalars[...]
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}

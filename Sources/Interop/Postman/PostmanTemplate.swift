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
    ///
    /// Each `}}` closes the nearest `{{` still open before it; what a placeholder holds, nested ones
    /// included, is its name as written. One pass with a stack of the open `{{`: a placeholder inside
    /// another is dropped when the outer one closes, so a name is only read for the placeholders that
    /// remain, and deep nesting stays linear.
    static func renamings(_ text: String) -> (text: String, renamed: [(String, String)]) {
        guard text.contains("{{") else { return (text, []) }
        enum Piece {
            case scalar(Unicode.Scalar)
            /// The whole `{{…}}` in `scalars`.
            case placeholder(Range<Int>)
        }
        let scalars = Array(text.unicodeScalars)
        var pieces: [Piece] = []
        pieces.reserveCapacity(scalars.count)
        /// For each `{{` still open: where it is in `scalars`, and in `pieces`.
        var open: [(scalar: Int, piece: Int)] = []
        var index = 0
        while index < scalars.count {
            let next = index + 1 < scalars.count ? scalars[index + 1] : nil
            if scalars[index] == "{", next == "{" {
                open.append((index, pieces.count))
                pieces.append(.scalar("{"))
                pieces.append(.scalar("{"))
                index += 2
            } else if scalars[index] == "}", next == "}", let start = open.popLast() {
                pieces.removeSubrange(start.piece...)
                pieces.append(.placeholder(start.scalar..<(index + 2)))
                index += 2
            } else {
                pieces.append(.scalar(scalars[index]))
                index += 1
            }
        }
        var output = String.UnicodeScalarView()
        var renamed: [(String, String)] = []
        for piece in pieces {
            switch piece {
            case .scalar(let scalar):
                output.append(scalar)
            case .placeholder(let range):
                let name = String(String.UnicodeScalarView(scalars[(range.lowerBound + 2)..<(range.upperBound - 2)]))
                let trimmed = name.trimmingSpaces()
                let final: String
                if HurlPlaceholder.isVariableName(trimmed) {
                    final = "{{\(trimmed)}}"
                } else {
                    let hurlName = ["$guid": "newUuid", "$randomUUID": "newUuid"][trimmed] ?? NameSlug.variable(trimmed)
                    final = "{{\(hurlName)}}"
                    renamed.append(("{{\(name)}}", final))
                }
                output.append(contentsOf: final.unicodeScalars)
            }
        }
        return (String(output), renamed)
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

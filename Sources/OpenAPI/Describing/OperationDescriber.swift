/// `describe`'s text: an operation's summary, parameters, request body and responses, compact enough
/// to read at a prompt (required items marked `*`, schemas as `SchemaSummary` says them).
public struct OperationDescriber: Sendable {
    let summary: SchemaSummary

    public init(_ description: OpenAPIDescription) {
        summary = SchemaSummary(description)
    }

    public func lines(for operation: OpenAPIOperation) -> [String] {
        var lines = [operation.title + (operation.summary.map { " — \($0)" } ?? "") + (operation.deprecated ? " (deprecated)" : "")]
        var facts: [String] = []
        if let id = operation.operationID { facts.append("operationId \(id)") }
        if !operation.tags.isEmpty { facts.append("tags \(operation.tags.joined(separator: ", "))") }
        if !operation.basePath.isEmpty { facts.append("under \(operation.basePath)") }
        if !facts.isEmpty { lines.append("  " + facts.joined(separator: " · ")) }
        if let text = operation.description.map(Self.firstParagraph), text != operation.summary {
            lines.append("  " + text)
        }
        if !operation.parameters.isEmpty {
            lines.append("Parameters")
            let ordered = operation.parameters.filter(\.required) + operation.parameters.filter { !$0.required }
            lines += Self.table(ordered.map { parameter in
                [
                    parameter.name + (parameter.required ? "*" : ""),
                    parameter.location.rawValue,
                    parameter.schema.map { summary.type(of: $0.value) } ?? "any",
                    (parameter.deprecated ? "(deprecated) " : "") + (parameter.description.map(Self.firstSentence) ?? ""),
                ]
            })
        }
        if let body = operation.requestBody {
            let types = body.contents.map(\.contentType).joined(separator: ", ")
            lines.append("Request body" + (types.isEmpty ? "" : " (\(types))") + (body.required ? ", required" : ""))
            if let schema = body.preferredContent?.schema {
                lines += self.schema(schema)
            }
        }
        if !operation.responses.isEmpty {
            lines.append("Responses")
            lines += Self.table(operation.responses.map { response in
                let content = response.content(for: nil)
                return [
                    response.status,
                    content.map { media in media.contentType + (media.schema.map { " " + summary.type(of: $0.value) } ?? "") } ?? "",
                    response.description.map(Self.firstSentence) ?? "",
                ]
            })
        }
        return lines
    }

    /// A schema's type, and its properties one per line when it is an object.
    private func schema(_ schema: OpenAPISchemaReference) -> [String] {
        var lines = ["  " + summary.type(of: schema.value)]
        let properties = summary.properties(of: schema)
        lines += Self.table(properties.prefix(40).map { property in
            [
                "  " + property.name + (property.required ? "*" : ""),
                summary.type(of: property.schema),
                property.schema["description"]?.stringValue.map(Self.firstSentence) ?? "",
            ]
        })
        if properties.count > 40 { lines.append("    … \(properties.count - 40) more") }
        return lines
    }

    /// Rows as columns two spaces apart, each padded to its widest cell, the last left ragged;
    /// a column empty in every row is left out.
    static func table(_ rows: [[String]]) -> [String] {
        guard let columns = rows.map(\.count).max() else { return [] }
        let kept = (0..<columns).filter { column in rows.contains { column < $0.count && !$0[column].isEmpty } }
        let widths = kept.map { column in rows.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0 }
        return rows.map { row in
            var line = ""
            for (position, column) in kept.enumerated() {
                let cell = column < row.count ? row[column] : ""
                line += "  " + (position < kept.count - 1 ? cell.padding(to: widths[position]) : cell)
            }
            return String(line.reversed().drop { $0 == " " }.reversed())
        }
    }

    static func firstParagraph(_ text: String) -> String {
        let paragraph = text.split(separator: "\n\n", maxSplits: 1).first.map(String.init) ?? text
        let joined = paragraph.split(whereSeparator: \.isNewline).joined(separator: " ")
        return joined.count > 200 ? String(joined.prefix(199)) + "…" : joined
    }

    static func firstSentence(_ text: String) -> String {
        let line = firstParagraph(text)
        if let end = line.firstRange(of: ". ") { return String(line[..<end.lowerBound]) + "." }
        return line.count > 80 ? String(line.prefix(79)) + "…" : line
    }
}

extension String {
    fileprivate func padding(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}

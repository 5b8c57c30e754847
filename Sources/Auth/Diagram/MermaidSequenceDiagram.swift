/// `auth diagram --mermaid`: the flow as Mermaid `sequenceDiagram` text, each leg under a note that
/// names it, parameters on the lines of each message. Pure.
public enum MermaidSequenceDiagram {
    public static func render(_ record: AuthFlowRecord) -> String {
        var lines = ["sequenceDiagram"]
        for participant in record.participants {
            let title = participant.title
            lines.append("    participant \(participant.rawValue)" + (title == participant.rawValue ? "" : " as \(escape(title))"))
        }
        for section in record.sections {
            let involved = Set(section.messages.flatMap { [$0.from, $0.to] }).sorted()
            if let heading = section.heading, let first = involved.first, let last = involved.last {
                let span = first == last ? first.rawValue : "\(first.rawValue),\(last.rawValue)"
                lines.append("    Note over \(span): \(escape(heading))")
            }
            for message in section.messages {
                let arrow = message.isReply ? "-->>" : "->>"
                let text = ([message.label] + message.details).map(escape).joined(separator: "<br/>")
                lines.append("    \(message.from.rawValue)\(arrow)\(message.to.rawValue): \(text)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Mermaid reads `#…;` as an entity and `;` as the end of a statement, and `<…>` as markup: each
    /// is written as an entity code.
    static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "#": escaped += "#35;"
            case ";": escaped += "#59;"
            case "<": escaped += "#60;"
            case ">": escaped += "#62;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}

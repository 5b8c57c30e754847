/// `auth diagram`: a flow drawn in the terminal with box-drawing characters — a lifeline per
/// participant, each message an arrow with its label above and its parameters below, each leg under
/// a numbered heading. Pure: the same record always draws the same text.
public enum TerminalSequenceDiagram {
    /// Columns between two lifelines: room for the longest participant name.
    static let spacing = 24
    static let margin = 10

    public static func render(_ record: AuthFlowRecord) -> String {
        let participants = record.participants
        let centers = Dictionary(uniqueKeysWithValues: participants.enumerated().map { ($0.element, margin + $0.offset * spacing) })
        let width = margin + (participants.count - 1) * spacing + 1
        var canvas = Canvas(lifelines: participants.map { centers[$0]! }, width: width)

        var titles = canvas.blank()
        for participant in participants {
            canvas.write(participant.title, at: centers[participant]! - participant.title.count / 2, in: &titles)
        }
        canvas.rows.append(titles)
        canvas.rows.append(canvas.lifelineRow())
        for section in record.sections {
            if let heading = section.heading {
                let rule = "── " + heading + " "
                canvas.rows.append(Array(rule) + Array(repeating: "─", count: max(3, width - rule.count)))
                canvas.rows.append(canvas.lifelineRow())
            }
            for message in section.messages {
                let (from, to) = (centers[message.from]!, centers[message.to]!)
                let textStart = min(from, to) + 2
                var label = canvas.lifelineRow()
                canvas.write(message.label, at: textStart, in: &label)
                canvas.rows.append(label)
                canvas.rows.append(canvas.arrow(from: from, to: to, dashed: message.isReply))
                for detail in message.details {
                    var row = canvas.lifelineRow()
                    canvas.write("  " + detail, at: textStart, in: &row)
                    canvas.rows.append(row)
                }
                canvas.rows.append(canvas.lifelineRow())
            }
        }
        return canvas.rows.map { String($0).replacing(#/ +$/#, with: "") }.joined(separator: "\n") + "\n"
    }

    /// Rows of characters with the lifelines drawn through them; text written over a row covers them.
    private struct Canvas {
        let lifelines: [Int]
        let width: Int
        var rows: [[Character]] = []

        func blank() -> [Character] { Array(repeating: " ", count: width) }

        func lifelineRow() -> [Character] {
            var row = blank()
            for x in lifelines { row[x] = "│" }
            return row
        }

        func write(_ text: String, at start: Int, in row: inout [Character]) {
            for (offset, character) in text.enumerated() {
                let x = start + offset
                if x >= row.count { row.append(contentsOf: Array(repeating: " ", count: x - row.count + 1)) }
                row[x] = character
            }
        }

        /// `├──────▶` to the right, `◀──────┤` to the left; a reply is dotted.
        func arrow(from: Int, to: Int, dashed: Bool) -> [Character] {
            var row = lifelineRow()
            let line: Character = dashed ? "┄" : "─"
            let (left, right) = (min(from, to), max(from, to))
            for x in left...right { row[x] = line }
            if from < to {
                row[from] = "├"
                row[to - 1] = "▶"
            } else {
                row[to + 1] = "◀"
                row[from] = "┤"
            }
            row[to] = "│"
            return row
        }
    }
}

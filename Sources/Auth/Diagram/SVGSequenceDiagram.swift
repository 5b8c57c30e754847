import HTTPExchange

/// `auth diagram --svg FILE`: the flow as a self-contained SVG document (no fonts, scripts or
/// images from elsewhere). Pure; positions are whole pixels so that the text is the same everywhere.
public enum SVGSequenceDiagram {
    static let spacing = 220
    static let left = 110
    static let characterWidth = 7
    static let lineHeight = 15

    public static func render(_ record: AuthFlowRecord) -> String {
        let participants = record.participants
        let centers = Dictionary(uniqueKeysWithValues: participants.enumerated().map { ($0.element, left + $0.offset * spacing) })
        var body: [String] = []
        /// The tops of the headings' bands, drawn once the width is known.
        var bands: [Int] = []
        var right = left + (participants.count - 1) * spacing + 110
        var y = 70

        func text(_ content: String, x: Int, y: Int, className: String) {
            right = max(right, x + content.count * characterWidth + 10)
            body.append(#"<text x="\#(x)" y="\#(y)" class="\#(className)">\#(MarkupEscaping.escape(content))</text>"#)
        }

        for section in record.sections {
            if let heading = section.heading {
                bands.append(y - 13)
                text(heading, x: 16, y: y + 1, className: "heading")
                y += 26
            }
            for message in section.messages {
                let (from, to) = (centers[message.from]!, centers[message.to]!)
                let start = min(from, to) + 8
                text(message.label, x: start, y: y, className: "label")
                for detail in message.details {
                    y += lineHeight
                    text(detail, x: start + 12, y: y, className: "detail")
                }
                y += 10
                let dash = message.isReply ? #" stroke-dasharray="5,4""# : ""
                body.append(#"<line x1="\#(from)" y1="\#(y)" x2="\#(to)" y2="\#(y)" class="arrow"\#(dash) marker-end="url(#head)"/>"#)
                y += 26
            }
        }
        let height = y + 10
        var head = [
            #"<svg xmlns="http://www.w3.org/2000/svg" width="\#(right)" height="\#(height)" viewBox="0 0 \#(right) \#(height)" xml:space="preserve">"#,
            "<style>",
            "text { font-family: ui-monospace, Menlo, Consolas, monospace; fill: #1b1f24; }",
            ".participant { font-size: 13px; font-weight: bold; text-anchor: middle; }",
            ".heading { font-size: 12px; font-weight: bold; }",
            ".label { font-size: 12px; }",
            ".detail { font-size: 11px; fill: #57606a; }",
            ".lifeline { stroke: #8c959f; stroke-dasharray: 3,3; }",
            ".box { fill: #ddf4ff; stroke: #0969da; }",
            ".note { fill: #fff8c5; stroke: #d4a72c; }",
            ".arrow { stroke: #1b1f24; stroke-width: 1.5; }",
            "</style>",
            ##"<defs><marker id="head" markerWidth="10" markerHeight="8" refX="9" refY="4" orient="auto"><path d="M0,0 L10,4 L0,8 z" fill="#1b1f24"/></marker></defs>"##,
            ##"<rect width="100%" height="100%" fill="#ffffff"/>"##,
        ]
        for participant in participants {
            let x = centers[participant]!
            let boxWidth = max(90, participant.title.count * 8 + 20)
            head.append(#"<line x1="\#(x)" y1="40" x2="\#(x)" y2="\#(height - 10)" class="lifeline"/>"#)
            head.append(#"<rect x="\#(x - boxWidth / 2)" y="10" width="\#(boxWidth)" height="30" rx="4" class="box"/>"#)
            head.append(#"<text x="\#(x)" y="30" class="participant">\#(MarkupEscaping.escape(participant.title))</text>"#)
        }
        let notes = bands.map { #"<rect x="10" y="\#($0)" width="\#(right - 20)" height="20" class="note"/>"# }
        return (head + notes + body + ["</svg>"]).joined(separator: "\n") + "\n"
    }
}

/// Lays candidates out in columns that fit a terminal width, filled top to bottom like `ls`.
enum CompletionListing {
    static func rows(of candidates: [String], width: Int) -> [String] {
        guard !candidates.isEmpty else { return [] }
        let gap = 2
        let cell = (candidates.map(\.count).max() ?? 0) + gap
        let columns = max(1, (max(width, 1) + gap - 1) / cell)
        let rowCount = (candidates.count + columns - 1) / columns
        return (0..<rowCount).map { row in
            let cells = stride(from: row, to: candidates.count, by: rowCount).map { candidates[$0] }
            return cells.enumerated().map { column, text in
                column == cells.count - 1 ? text : text + String(repeating: " ", count: cell - text.count)
            }.joined()
        }
    }
}

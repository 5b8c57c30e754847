import Foundation
import JSON

/// The rows of a data file for a data-driven run (Newman's `-d`): each file of the run goes once per
/// row, with the row's values as variables. A CSV file's header row names the variables and its
/// values are typed as `--variable` types them; a JSON file is an array of objects whose members keep
/// their JSON types.
public enum DataRows {
    public static func read(_ path: String) throws(RunFailure) -> [[String: RunValue]] {
        guard let data = FileManager.default.contents(atPath: path) else { throw RunFailure("cannot read data file \(path)") }
        guard let text = String(data: data, encoding: .utf8) else { throw RunFailure("data file \(path) is not UTF-8 text") }
        let trimmed = text.drop { $0.isWhitespace || $0 == "\u{FEFF}" }
        let isJSON = path.lowercased().hasSuffix(".json") || trimmed.hasPrefix("[")
        let rows = try isJSON ? json(String(trimmed), path: path) : csv(text, path: path)
        guard !rows.isEmpty else { throw RunFailure("data file \(path) has no rows") }
        return rows
    }

    static func json(_ text: String, path: String) throws(RunFailure) -> [[String: RunValue]] {
        guard let value = try? JSONValue.parse(text), case .array(let elements) = value else {
            throw RunFailure("data file \(path): expected a JSON array of objects")
        }
        var rows: [[String: RunValue]] = []
        for (index, element) in elements.enumerated() {
            guard case .object(let object) = element else {
                throw RunFailure("data file \(path): row \(index + 1) is not a JSON object")
            }
            var row: [String: RunValue] = [:]
            for member in object.members { row[member.key] = RunValue(json: member.value) }
            rows.append(row)
        }
        return rows
    }

    static func csv(_ text: String, path: String) throws(RunFailure) -> [[String: RunValue]] {
        let records = try CSVRecords.parse(text, path: path)
        guard let header = records.first else { throw RunFailure("data file \(path) is empty: its first row names the variables") }
        for (index, name) in header.enumerated() {
            guard !name.isEmpty else { throw RunFailure("data file \(path): column \(index + 1) of the header row has no name") }
            if header[..<index].contains(name) { throw RunFailure("data file \(path): column '\(name)' is named twice") }
        }
        var rows: [[String: RunValue]] = []
        for (index, record) in records.dropFirst().enumerated() {
            // A blank line (often the last one) is no row.
            if record == [""] { continue }
            guard record.count == header.count else {
                throw RunFailure("data file \(path): row \(index + 1) has \(record.count) values for \(header.count) columns")
            }
            var row: [String: RunValue] = [:]
            for (name, value) in zip(header, record) { row[name] = RunValue.inferred(from: value) }
            rows.append(row)
        }
        return rows
    }
}

/// RFC 4180 records: fields separated by commas, records by CRLF or LF; a quoted field may hold
/// commas, line breaks and `""` for a quote.
enum CSVRecords {
    static func parse(_ text: String, path: String) throws(RunFailure) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var fieldStarted = false
        var scalars = text.unicodeScalars[...]
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        while let scalar = scalars.popFirst() {
            if quoted {
                if scalar == "\"" {
                    if scalars.first == "\"" {
                        scalars.removeFirst()
                        field.unicodeScalars.append("\"")
                    } else {
                        quoted = false
                    }
                } else {
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where !fieldStarted:
                quoted = true
                fieldStarted = true
            case ",":
                record.append(field)
                field = ""
                fieldStarted = false
            case "\r" where scalars.first == "\n":
                break
            case "\n":
                record.append(field)
                records.append(record)
                record = []
                field = ""
                fieldStarted = false
            default:
                field.unicodeScalars.append(scalar)
                fieldStarted = true
            }
        }
        if quoted { throw RunFailure("data file \(path): a quoted value is not closed") }
        if fieldStarted || !record.isEmpty {
            record.append(field)
            records.append(record)
        }
        return records
    }
}

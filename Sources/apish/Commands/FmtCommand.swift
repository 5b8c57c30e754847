import ArgumentParser
import JSON

struct FmtCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fmt",
        abstract: "Pretty-print a JSON document, keeping key order and numbers exactly as written.",
        discussion: """
            Reads FILE, or standard input when FILE is omitted or '-'. Output is indented by two spaces \
            like `jq .`, colored on a terminal unless NO_COLOR is set. Invalid JSON is reported as \
            FILE:LINE:COLUMN with the offending text, and the exit status is 2.
            """
    )

    @Argument(help: "The JSON file to format (default: standard input).")
    var file: String?

    @Flag(name: [.short, .long], help: "Print on one line without whitespace.")
    var compact = false

    func run() throws {
        var style = compact ? JSONStyle.compact : JSONStyle.pretty
        if JSONCommandSupport.colorsWanted { style = style.colored() }
        let input = try JSONCommandSupport.readInput(file, command: "fmt")
        do {
            // Formatting needs no tree: validate, then re-print token by token.
            try withExtendedLifetime(input) { () throws(JSONParseError) in
                try JSONValue.reformat(input.buffer, style: style, to: JSONCommandSupport.writeToStandardOutput)
            }
        } catch {
            throw JSONCommandSupport.invalidJSON(error, path: file, command: "fmt")
        }
        JSONCommandSupport.writeToStandardOutput([0x0A])
    }
}

import ArgumentParser
import JSON
import JSONPath

struct QueryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Select parts of a JSON document with JSONPath (RFC 9535) or the shell shorthand.",
        discussion: """
            EXPRESSION is a JSONPath query such as '$.contacts[?@.points > 10].email', or shorthand \
            leaving out the '$': '.contact.id', 'contacts[0].email', '..id'. The selected values are \
            printed as a JSON array in document order. An invalid query is reported with a caret \
            under the offending column, invalid JSON as FILE:LINE:COLUMN; both exit with status 2.
            """
    )

    @Argument(help: "The JSONPath query or shorthand.")
    var expression: String

    @Argument(help: "The JSON file to query (default: standard input).")
    var file: String?

    @Flag(help: "Print the normalized paths of the selected nodes (e.g. $['contacts'][0]) instead of their values.")
    var paths = false

    @Flag(help: "Print one result per line instead of a JSON array.")
    var each = false

    @Flag(name: [.short, .long], help: "Print strings without quotes, one result per line.")
    var raw = false

    func run() throws {
        let query: JSONPathQuery
        do {
            query = try JSONPathQuery(shorthand: expression)
        } catch {
            JSONCommandSupport.fail("query", "invalid query (column \(error.column)):\n\(error.caretDiagram)")
            throw ExitCode(2)
        }
        // Read in place: only the selected nodes are printed, and no tree of the document is built.
        let document = try JSONCommandSupport.readDocument(file, command: "query")
        var style = JSONStyle.pretty
        if JSONCommandSupport.colorsWanted { style = style.colored() }
        let printer = QueryResultPrinter(paths: paths, each: each, raw: raw, style: style)
        if paths {
            let nodes = query.evaluate(document).map { JSONPathNode(path: $0.path, value: .null) }
            printer.write(nodes, to: JSONCommandSupport.writeToStandardOutput)
        } else {
            printer.write(query, in: document, to: JSONCommandSupport.writeToStandardOutput)
        }
    }
}

// What `apish fmt` and `apish query` do with the JSON engine, without the rest of apish: lets the
// engine be measured (and profiled with callgrind) without building the whole package.
//   engine fmt FILE          pretty-prints FILE
//   engine query EXPR FILE   prints the values EXPR selects, as a JSON array
import Foundation
import JSON
import JSONPath

func write(_ chunk: [UInt8]) {
    try? FileHandle.standardOutput.write(contentsOf: chunk)
}

let arguments = CommandLine.arguments
guard arguments.count >= 3, let input = FileManager.default.contents(atPath: arguments[arguments.count - 1]) else {
    FileHandle.standardError.write(Data("usage: engine fmt FILE | engine query EXPRESSION FILE\n".utf8))
    exit(64)
}
let bytes = [UInt8](input)
if arguments[1] == "fmt" {
    try JSONValue.reformat(bytes, style: .pretty, to: write)
    write([0x0A])
} else {
    let query = try JSONPathQuery(shorthand: arguments[2])
    let document = try JSONDocument(bytes)
    QueryResultPrinter(style: .pretty).write(query.nodes(in: document), in: document, to: write)
}

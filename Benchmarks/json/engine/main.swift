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

/// The whole file in one buffer of its size, as apish holds it (through `Data` it would be held twice).
func contents(of path: String) -> [UInt8]? {
    guard let file = FileHandle(forReadingAtPath: path) else { return nil }
    let size = Int(file.seekToEndOfFile())
    file.seek(toFileOffset: 0)
    return [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
        while count < size {
            let read = read(file.fileDescriptor, buffer.baseAddress! + count, size - count)
            guard read > 0 else { return }
            count += read
        }
    }
}

let arguments = CommandLine.arguments
guard arguments.count >= 3, let bytes = contents(of: arguments[arguments.count - 1]) else {
    FileHandle.standardError.write(Data("usage: engine fmt FILE | engine query EXPRESSION FILE\n".utf8))
    exit(64)
}
if arguments[1] == "fmt" {
    try JSONValue.reformat(bytes, style: .pretty, to: write)
    write([0x0A])
} else {
    let query = try JSONPathQuery(shorthand: arguments[2])
    let document = try JSONDocument(bytes)
    QueryResultPrinter(style: .pretty).write(query.nodes(in: document), in: document, to: write)
}

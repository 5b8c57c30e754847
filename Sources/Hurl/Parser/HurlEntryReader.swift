/// Reads a Hurl file's entries one at a time while its bytes are read in chunks, so a long file is
/// never held whole: only the lines from the entry being parsed to the end of what was read ahead.
/// Every entry, warning and error is the one ``HurlParser/parse(_:fileName:)`` gives for the whole
/// text: an entry counts as parsed only once the parser has seen the next request line (or the end
/// of the file) after it; until then the lines read so far are parsed again with more behind them.
public struct HurlEntryReader {
    public enum Failure: Error, Sendable {
        case parse(HurlParseError)
        /// The bytes are not UTF-8 text.
        case notUTF8
    }

    public let fileName: String
    /// The warnings of the entries read so far.
    public private(set) var warnings: [HurlParseWarning] = []
    private let readChunk: () -> [UInt8]?
    private let chunkSize: Int
    /// Bytes read and not yet parsed into entries start at `consumed`; `linesEnd` ends the last
    /// complete line among them.
    private var pending: [UInt8] = []
    private var consumed = 0
    private var linesEnd = 0
    private var atEndOfInput = false
    /// The file's line number at `consumed`.
    private var line = 1
    /// Parses `pending[consumed..<windowEnd]`.
    private var parser: HurlFileParser?
    private var windowEnd = 0

    /// `readChunk` returns the file's next bytes, nil at its end.
    public init(fileName: String, chunkSize: Int = 64 * 1024, readChunk: @escaping () -> [UInt8]?) {
        self.fileName = fileName
        self.chunkSize = chunkSize
        self.readChunk = readChunk
    }

    /// The next entry, or nil after the last.
    public mutating func next() throws(Failure) -> HurlEntry? {
        if parser == nil { try openWindow(atLeast: chunkSize) }
        while true {
            guard var parser else { return nil }
            let start = parser.scanner.index
            switch parseNext(with: &parser) {
            case .entry(let entry):
                warnings += parser.warnings
                parser.warnings = []
                self.parser = parser
                return entry
            case .end:
                return nil
            case .failed(let error):
                throw .parse(error)
            case .needsMoreLines:
                try reopenWindow(from: start, of: parser)
            }
        }
    }

    private enum Outcome {
        case entry(HurlEntry)
        case end
        case failed(HurlParseError)
        /// The window ended before the parser could tell where the entry ends.
        case needsMoreLines
    }

    private func parseNext(with parser: inout HurlFileParser) -> Outcome {
        do throws(HurlParseError) {
            let leading = parser.readTriviaLines()
            if parser.scanner.isAtEnd { return atEndOfInput ? .end : .needsMoreLines }
            let entry = try parser.parseEntry(leading: leading)
            let next = parser.scanner.index
            _ = parser.readTriviaLines()
            if parser.scanner.isAtEnd, !atEndOfInput { return .needsMoreLines }
            parser.scanner.index = next
            return .entry(entry)
        } catch {
            // Lines cut off at the window's end can fail to parse where the whole file would not.
            return atEndOfInput ? .failed(error) : .needsMoreLines
        }
    }

    /// Parses again from `start` (a scalar index of `parser`'s window), with at least twice as many
    /// lines behind it: doubling keeps a long entry's parses linear in its length.
    private mutating func reopenWindow(from start: Int, of parser: HurlFileParser) throws(Failure) {
        consumed += parser.scanner.scalars[..<start].reduce(0) { $0 + UTF8.width($1) }
        line = parser.scanner.line(at: start)
        try openWindow(atLeast: max(chunkSize, 2 * (windowEnd - consumed)))
    }

    private mutating func openWindow(atLeast minimum: Int) throws(Failure) {
        if consumed >= chunkSize, consumed * 2 >= pending.count {
            pending.removeFirst(consumed)
            linesEnd -= consumed
            windowEnd -= consumed
            consumed = 0
        }
        while !atEndOfInput, linesEnd - consumed < minimum {
            guard let chunk = readChunk() else {
                atEndOfInput = true
                break
            }
            if let newline = chunk.lastIndex(of: UInt8(ascii: "\n")) { linesEnd = pending.count + newline + 1 }
            pending += chunk
        }
        windowEnd = atEndOfInput ? pending.count : linesEnd
        guard let text = String(validating: pending[consumed..<windowEnd], as: UTF8.self) else { throw .notUTF8 }
        parser = HurlFileParser(text: text, fileName: fileName, firstLine: line)
    }
}

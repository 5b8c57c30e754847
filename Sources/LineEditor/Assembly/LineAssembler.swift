/// Joins physical lines into the logical lines the shell runs, with the same rules on a terminal and in a
/// script:
///
/// - a line ending in `\` continues on the next one: the backslash is dropped and the two parts are joined
///   with a single space (`GET /api/contacts \` + `limit==5` → `GET /api/contacts limit==5`);
/// - a line whose last word is `<<WORD` (also `<<'WORD'` or `<<"WORD"`) starts a here-document: the
///   following lines are taken raw until one reads exactly `WORD`, and the whole text comes back with its
///   newlines, the terminator line included, so that the command parser sees where the body ends;
/// - a request line whose JSON body opens more `{`/`[` than it closes (outside double-quoted strings) keeps
///   reading until it is balanced, lines joined with newlines: a pasted JSON body arrives whole. Brackets
///   on other lines (`q $.a[`) never continue them: the command reports what is wrong at once;
/// - a request line followed by a line that starts with `{` or `[` takes that line as its body, as if
///   both were one line; the caller offers the next line through `feed`'s `nextLine` when it is already
///   there (the rest of a script, a paste), since a person typing has sent the request by then.
public struct LineAssembler: Sendable {
    /// What `feed` made of a line.
    public enum Step: Sendable, Equatable {
        /// A logical line is complete.
        case complete(AssembledLine)
        /// The line continues; read another (showing the continuation prompt on a terminal).
        case needsMore(Pending)
    }

    /// Why a logical line is not complete yet.
    public enum Pending: Sendable, Equatable {
        case backslash
        case hereDocument(terminator: String)
        /// The body's open brackets, outermost first.
        case brackets(open: String)
        /// The request line's body starts on the next line.
        case body

        /// The prompt of a continuation line, saying what it continues: `…{[ ` for open brackets.
        public var prompt: String {
            switch self {
            case .backslash: "…\\ "
            case .hereDocument(let terminator): "…<<\(terminator) "
            case .brackets(let open): "…\(open.count > 8 ? "…" + open.suffix(8) : open) "
            case .body: "… "
            }
        }
    }

    private var text = ""
    private var pending: Pending?
    private var scanner = BracketScanner(firstLine: "")
    private var firstLine = 0
    private var linesFed = 0

    public init() {}

    /// Whether some text is waiting for more lines.
    public var isPending: Bool { pending != nil }

    /// Takes one physical line (without its line break).
    /// - Parameter nextLine: the physical line after this one when it is already available, without
    ///   consuming it; asked only after a request line without a body. When it starts with `{` or `[` the
    ///   step is `.needsMore(.body)` and that line must be fed next.
    public mutating func feed(_ rawLine: some StringProtocol, nextLine: () -> String? = { nil }) -> Step {
        let line = String(rawLine).droppingCarriageReturn
        linesFed += 1
        switch pending {
        case .hereDocument(let terminator):
            text += "\n" + line
            guard line.trimmingTrailingWhitespace == terminator else { return .needsMore(.hereDocument(terminator: terminator)) }
            return complete()
        case .backslash:
            text = text.trimmingTrailingWhitespace + " " + line.trimmingLeadingWhitespace
            scanner.scan(line)
        case .brackets:
            text += "\n" + line
            scanner.scan(line)
        case .body:
            text += "\n" + line
            scanner.scanBody(line)
        case nil:
            text = line
            firstLine = linesFed
            scanner = BracketScanner(firstLine: line)
            scanner.scan(line)
        }
        return decide(lastLine: line, nextLine: nextLine)
    }

    /// Ends the input: returns what is still pending as it stands (a here-document without its terminator,
    /// unbalanced brackets, a trailing backslash), or nil when nothing is.
    public mutating func finish() -> AssembledLine? {
        guard let reason = pending else { return nil }
        if case .backslash = reason { text = text.trimmingTrailingWhitespace }
        let line = AssembledLine(text: text, lines: firstLine...max(firstLine, linesFed), unfinished: reason)
        reset()
        return line
    }

    /// Splits a whole script into logical lines; an unfinished last one is included, marked `unfinished`.
    public static func lines(of script: String) -> [AssembledLine] {
        var assembler = LineAssembler()
        var result: [AssembledLine] = []
        var physical = script.split(separator: "\n", omittingEmptySubsequences: false)
        if script.hasSuffix("\n") { physical.removeLast() }
        for (index, line) in physical.enumerated() {
            let next = { index + 1 < physical.count ? String(physical[index + 1]) : nil }
            if case .complete(let assembled) = assembler.feed(line, nextLine: next) { result.append(assembled) }
        }
        if let rest = assembler.finish() { result.append(rest) }
        return result
    }

    private mutating func decide(lastLine line: String, nextLine: () -> String?) -> Step {
        if let body = line.continuedByBackslash {
            text = String(text.dropLast(line.count - body.count))
            return wait(.backslash)
        }
        if !scanner.open.isEmpty {
            return wait(.brackets(open: scanner.open))
        }
        if let terminator = line.hereDocumentTerminator {
            return wait(.hereDocument(terminator: terminator))
        }
        if scanner.isRequest, !scanner.bodyStarted, let next = nextLine(), BracketScanner.opensBody(next) {
            return wait(.body)
        }
        return complete()
    }

    private mutating func wait(_ reason: Pending) -> Step {
        pending = reason
        return .needsMore(reason)
    }

    private mutating func complete() -> Step {
        let line = AssembledLine(text: text, lines: firstLine...linesFed, unfinished: nil)
        reset()
        return .complete(line)
    }

    private mutating func reset() {
        text = ""
        pending = nil
        scanner = BracketScanner(firstLine: "")
    }
}

extension String {
    fileprivate var droppingCarriageReturn: String { hasSuffix("\r") ? String(dropLast()) : self }

    fileprivate var trimmingTrailingWhitespace: String {
        String(self[..<(lastIndex { !$0.isWhitespace }.map { index(after: $0) } ?? startIndex)])
    }

    fileprivate var trimmingLeadingWhitespace: String {
        String(self[(firstIndex { !$0.isWhitespace } ?? endIndex)...])
    }

    /// The line without its continuing backslash, when it ends in one (`\\` is a literal backslash).
    fileprivate var continuedByBackslash: String? {
        let trailingBackslashes = reversed().prefix { $0 == "\\" }.count
        guard trailingBackslashes % 2 == 1 else { return nil }
        return String(dropLast())
    }

    /// `EOF` for a line whose last word is `<<EOF`, `<<'EOF'` or `<<"EOF"`.
    fileprivate var hereDocumentTerminator: String? {
        guard let lastWord = split(whereSeparator: \.isWhitespace).last, lastWord.hasPrefix("<<") else { return nil }
        var word = lastWord.dropFirst(2)
        if let quote = word.first, quote == "'" || quote == "\"", word.count >= 3, word.last == quote {
            word = word.dropFirst().dropLast()
        }
        guard !word.isEmpty, !word.contains(where: { "<>'\"{}[]".contains($0) }) else { return nil }
        return String(word)
    }
}

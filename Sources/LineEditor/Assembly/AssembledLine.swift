/// One logical line: what the shell runs as one command.
public struct AssembledLine: Sendable, Equatable {
    /// The command text: continuation lines joined, here-document bodies and JSON bodies kept with newlines.
    public let text: String
    /// The physical lines it came from, counted from 1 (for messages naming a script's line).
    public let lines: ClosedRange<Int>
    /// Set when the input ended before the line was complete.
    public let unfinished: LineAssembler.Pending?

    public init(text: String, lines: ClosedRange<Int>, unfinished: LineAssembler.Pending?) {
        self.text = text
        self.lines = lines
        self.unfinished = unfinished
    }
}

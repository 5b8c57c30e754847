import LineEditor

/// A script as the shell reads it: physical lines joined into logical ones (backslashes, here-documents,
/// pasted JSON bodies). Every physical line ends up in exactly one logical line, in order.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLineAssembly(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let script = FuzzInput(data, size).text
    let lines = LineAssembler.lines(of: script)
    var expectedFirst = 1
    for line in lines {
        require(line.lines.lowerBound >= expectedFirst, "logical lines overlap or go backwards")
        expectedFirst = line.lines.upperBound + 1
        _ = line.unfinished?.prompt
    }
    require(lines.dropLast().allSatisfy { $0.unfinished == nil }, "only the last logical line may be unfinished")
    return 0
}

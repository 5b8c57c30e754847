/// `apish -c COMMAND [-c COMMAND]…` and nothing else: the shape of one-off requests and of most scripts.
///
/// ArgumentParser finds a command's options by reflection, and in a statically linked binary each first
/// reflective cast scans every protocol conformance record (about 10,000): some 30 such scans for any
/// parse, 2.5 ms of a 12 ms one-shot GET (BENCHMARKS.md). This exact shape has nothing to validate, so it
/// skips the parser; any other shape, a value that starts with `-` included, is the parser's, as before.
enum OneShotCommands {
    static func recognize(_ arguments: ArraySlice<String>) -> [String]? {
        guard !arguments.isEmpty, arguments.count.isMultiple(of: 2) else { return nil }
        var commands: [String] = []
        var rest = arguments
        while let flag = rest.popFirst(), let command = rest.popFirst() {
            guard flag == "-c", !command.hasPrefix("-") else { return nil }
            commands.append(command)
        }
        return commands
    }
}

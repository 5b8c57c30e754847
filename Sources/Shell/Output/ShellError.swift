/// A command's failure, said in one line. The kind decides a script's exit code, which follows Hurl's:
/// 1 usage, 2 parse error, 3 runtime error (network, files, server), 4 a failed expectation.
public enum ShellError: Error, Sendable, Equatable, CustomStringConvertible {
    case usage(String)
    case parse(String)
    case runtime(String)
    case expectation(String)

    public var description: String {
        switch self {
        case .usage(let message), .parse(let message), .runtime(let message), .expectation(let message): message
        }
    }

    public var exitCode: Int32 {
        switch self {
        case .usage: 1
        case .parse: 2
        case .runtime: 3
        case .expectation: 4
        }
    }
}

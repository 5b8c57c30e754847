import Foundation
import JSON

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How output may look: colors only on a terminal and never with `NO_COLOR`, as terminal programs agree.
public struct TerminalStyle: Sendable {
    public var colors: Bool
    public var isTerminal: Bool
    public var width: Int
    public var height: Int

    public init(colors: Bool, isTerminal: Bool, width: Int = 100, height: Int = 40) {
        self.colors = colors
        self.isTerminal = isTerminal
        self.width = width
        self.height = height
    }

    public static let plain = TerminalStyle(colors: false, isTerminal: false)

    public static func detect(environment: [String: String] = ProcessInfo.processInfo.environment) -> TerminalStyle {
        let isTerminal = isatty(STDOUT_FILENO) == 1
        let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        var size = winsize()
        let (width, height) = ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0
            ? (Int(size.ws_col), Int(size.ws_row)) : (100, 40)
        return TerminalStyle(colors: isTerminal && !noColor && environment["TERM"] != "dumb", isTerminal: isTerminal,
                             width: width, height: height)
    }

    public func paint(_ text: String, _ code: ANSI) -> String {
        colors ? "\u{1B}[\(code.rawValue)m\(text)\u{1B}[0m" : text
    }

    public var jsonStyle: JSONStyle {
        colors ? JSONStyle.pretty.colored() : .pretty
    }
}

public enum ANSI: String, Sendable {
    case bold = "1", dim = "2", red = "31", green = "32", yellow = "33", blue = "34", magenta = "35", cyan = "36"
    case boldRed = "1;31", boldGreen = "1;32", boldYellow = "1;33", boldCyan = "1;36"
}

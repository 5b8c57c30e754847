import Foundation
import HTTPExchange
import Hurl
import Runner

/// One thing a lesson step looks for in what the learner's line did.
public enum StepCheck: Sendable, Equatable {
    /// A request with this method whose URL path matches (`*` stands for one segment).
    case request(method: String, path: String)
    case status(Int)
    /// The scheme of the Authorization header sent (`Basic`, `Bearer`, `OAuth`), or `none`.
    case auth(String)
    /// A Hurl assert on the response, as `expect` reads it.
    case assert(String)
    /// The line typed starts with this text.
    case typed(String)
    /// The shell has this variable set.
    case variable(String)

    public struct Invalid: Error, Sendable, Equatable {
        public let message: String
    }

    init(_ text: String) throws(Invalid) {
        let words = text.split(separator: " ", maxSplits: 1).map(String.init)
        guard let kind = words.first, words.count == 2 else {
            throw Invalid(message: "`check: \(text)` needs a kind and what it looks for, e.g. `check: status 200`")
        }
        let rest = words[1].trimmingCharacters(in: .whitespaces)
        switch kind {
        case "request":
            let parts = rest.split(separator: " ").map(String.init)
            guard parts.count == 2, RequestCommand.isMethod(parts[0]), parts[1].hasPrefix("/") else {
                throw Invalid(message: "`check: request` takes a method and a path: request GET /api/users/self")
            }
            self = .request(method: parts[0], path: parts[1])
        case "status":
            guard let code = Int(rest), (100...599).contains(code) else { throw Invalid(message: "`check: status` takes a status code") }
            self = .status(code)
        case "auth":
            guard ["Basic", "Bearer", "OAuth", "none"].contains(rest) else {
                throw Invalid(message: "`check: auth` takes Basic, Bearer, OAuth or none")
            }
            self = .auth(rest)
        case "assert":
            do { _ = try HurlParser.parseAssert(rest, fileName: "lesson") } catch {
                throw Invalid(message: "`check: assert` takes a Hurl assert: \(error.message)")
            }
            self = .assert(rest)
        case "typed": self = .typed(rest)
        case "variable": self = .variable(rest)
        default:
            throw Invalid(message: "unknown check `\(kind)` (request, status, auth, assert, typed, variable)")
        }
    }

    /// What the learner is asked to do, said when the check fails.
    var expectation: String {
        switch self {
        case .request(let method, let path): "a \(method) request to \(path)"
        case .status(let code): "a response with status \(code)"
        case .auth(let scheme): scheme == "none" ? "a request without an Authorization header" : "a request signed with \(scheme)"
        case .assert(let assert): "a response where \(assert)"
        case .typed(let text): "the command `\(text)`"
        case .variable(let name): "the variable {{\(name)}} set"
        }
    }

    /// Whether the check holds for the line typed and the exchanges it made. A request check needs a
    /// request of this line; the others examine its last exchange, else the shell's last one (`expect`
    /// makes none).
    func holds(line: String, exchanges: [ExchangeRecord], session: ShellSession) -> Bool {
        let last = exchanges.last ?? session.lastExchange
        switch self {
        case .typed(let text):
            return line.trimmingCharacters(in: .whitespaces).hasPrefix(text)
        case .variable(let name):
            return session.sessionVariables[name] != nil
        case .request(let method, let path):
            return exchanges.contains { $0.request.method == method && Self.path(RequestURL($0.request.url)?.path ?? "", matches: path) }
        case .status(let code):
            return last?.response.status == code
        case .auth(let scheme):
            guard let request = last?.request else { return false }
            guard let header = request.headers["Authorization"] else { return scheme == "none" }
            return header.split(separator: " ").first.map(String.init)?.caseInsensitiveCompare(scheme) == .orderedSame
        case .assert(let text):
            guard let response = last?.response, let assert = try? HurlParser.parseAssert(text, fileName: "lesson"),
                let variables = try? CollectionCommands.runVariables(session)
            else { return false }
            return ResponseChecks.check(assert, response: response, variables: variables, directory: nil, redactor: session.redactor).passed
        }
    }

    static func path(_ actual: String, matches pattern: String) -> Bool {
        let actualSegments = actual.split(separator: "/", omittingEmptySubsequences: false)
        let patternSegments = pattern.split(separator: "/", omittingEmptySubsequences: false)
        guard actualSegments.count == patternSegments.count else { return false }
        return zip(actualSegments, patternSegments).allSatisfy { $1 == "*" ? !$0.isEmpty : $0 == $1 }
    }
}

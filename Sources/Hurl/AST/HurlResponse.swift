/// The response spec: `HTTP[/version] status` (implicit checks), headers that must be present,
/// `[Captures]`, `[Asserts]` and a body that must match exactly.
public struct HurlResponse: Sendable, Hashable {
    /// As written: `HTTP`, `HTTP/1.0`, `HTTP/1.1`, `HTTP/2`, `HTTP/3` or `HTTP/*`.
    public var version: String
    public var status: HurlStatus
    public var headers: [HurlKeyValue]
    public var sections: [HurlResponseSection]
    public var body: HurlBody?
    public var trivia: HurlTrivia
    public var line: Int

    public init(version: String = "HTTP", status: HurlStatus, headers: [HurlKeyValue] = [], sections: [HurlResponseSection] = [],
                body: HurlBody? = nil, trivia: HurlTrivia = HurlTrivia(), line: Int = 0) {
        self.version = version
        self.status = status
        self.headers = headers
        self.sections = sections
        self.body = body
        self.trivia = trivia
        self.line = line
    }

    public var captures: [HurlCapture] { sections.flatMap { section -> [HurlCapture] in if case .captures(let items) = section.content { return items }; return [] } }
    public var asserts: [HurlAssert] { sections.flatMap { section -> [HurlAssert] in if case .asserts(let items) = section.content { return items }; return [] } }

    public static let versions = ["HTTP", "HTTP/1.0", "HTTP/1.1", "HTTP/2", "HTTP/3", "HTTP/*"]
}

public enum HurlStatus: Sendable, Hashable, CustomStringConvertible {
    /// `*`: any status.
    case any
    case code(Int)

    public var description: String {
        switch self {
        case .any: "*"
        case .code(let code): String(code)
        }
    }
}

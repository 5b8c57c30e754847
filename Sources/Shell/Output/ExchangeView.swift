import HTTPExchange
import JSON

/// Renders requests and responses for people: a status line, headers, and a readable body.
public struct ExchangeView {
    public let style: TerminalStyle
    public let redactor: Redactor

    public init(style: TerminalStyle, redactor: Redactor = .namesOnly) {
        self.style = style
        self.redactor = redactor
    }

    /// `HTTP/1.1 200 OK   41 ms   3.2 KB   application/json`
    public func statusLine(_ response: HTTPResponse) -> String {
        let code: ANSI = switch response.status {
        case 200..<300: .boldGreen
        case 300..<400: .boldCyan
        case 400..<500: .boldYellow
        default: .boldRed
        }
        let status = style.paint(response.statusText, code)
        var parts = ["\(response.version) \(status)", Self.milliseconds(response.elapsed), Self.size(response.bodySize)]
        if let type = response.contentType { parts.append(type) }
        return parts.joined(separator: "   ")
    }

    public func headers(_ headers: HTTPHeaders) -> String {
        redactor.headers(headers).map { style.paint($0.name, .cyan) + ": " + $0.value }.joined(separator: "\n")
    }

    /// The request as sent: request line, headers, body, credentials masked where they were placed.
    public func request(_ sent: HTTPRequest) -> String {
        let request = redactor.request(sent)
        let url = RequestURL(request.url)
        let target = url.map { $0.path + ($0.query.map { "?" + $0 } ?? "") } ?? request.url
        var lines = [style.paint(request.method, .bold) + " " + target + " HTTP/1.1"]
        if let url { lines.append(style.paint("Host", .cyan) + ": " + url.authority) }
        if !request.headers.isEmpty { lines.append(request.headers.map { style.paint($0.name, .cyan) + ": " + $0.value }.joined(separator: "\n")) }
        let body = requestBodyText(request.body)
        if !body.isEmpty { lines.append("\n" + body) }
        return lines.joined(separator: "\n")
    }

    func requestBodyText(_ body: RequestBody) -> String {
        switch body {
        case .empty: return ""
        case .bytes(let bytes):
            if let json = try? JSONValue.parse(bytes) { return json.serialized(style: style.jsonStyle) }
            return String(validating: bytes, as: UTF8.self) ?? "[\(Self.size(bytes.count)) of binary data]"
        case .form(let fields):
            return fields.map { PercentEncoding.encodeFormComponent($0.name) + "=" + PercentEncoding.encodeFormComponent($0.value) }
                .joined(separator: "&")
        case .multipart(let parts):
            return parts.map { part in
                switch part.content {
                case .text(let value): "[part \(part.name)] \(value)"
                case .file(let path, _, _): "[part \(part.name)] @\(path)"
                }
            }.joined(separator: "\n")
        }
    }

    /// The body for reading: JSON pretty-printed (keys in the server's order, numbers as sent), text as
    /// is, binary summarized. A body that claims JSON but is not is shown raw with a note saying why.
    public func body(_ response: HTTPResponse) -> String {
        guard !response.body.isEmpty else { return "" }
        let looksJSON = response.isJSON || [UInt8(ascii: "{"), UInt8(ascii: "[")].contains(response.body.first { $0 > 0x20 } ?? 0)
        if looksJSON {
            do {
                let document = try response.json()
                return (redactor.json(document) ?? document).serialized(style: style.jsonStyle)
            } catch {
                if response.isJSON, let text = response.text {
                    return text + "\n" + style.paint("note: the body is not valid JSON (\(error))", .yellow)
                }
            }
        }
        if let text = response.text { return text }
        return style.paint("[binary body, \(Self.size(response.body.count)), \(response.contentType ?? "no content type"): save it with --output FILE]", .dim)
    }

    public static func milliseconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let ms = Double(seconds) * 1000 + Double(attoseconds) / 1e15
        return ms < 10 ? String(format1: ms) + " ms" : "\(Int(ms.rounded())) ms"
    }

    public static func size(_ bytes: Int) -> String {
        if bytes < 1024 { return "\(bytes) B" }
        if bytes < 1024 * 1024 { return String(format1: Double(bytes) / 1024) + " KB" }
        return String(format1: Double(bytes) / 1024 / 1024) + " MB"
    }
}

extension String {
    /// One decimal place without Foundation's formatter.
    init(format1 value: Double) {
        let tenths = Int((value * 10).rounded())
        self = "\(tenths / 10).\(tenths % 10)"
    }
}

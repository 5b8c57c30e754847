import HTTPExchange
import JSON

/// The arrows of one leg, built from what was really sent and received, masked by `redactor` where
/// each secret was placed (nil shows the values, for `trace reveal`).
enum AuthLegMessages {
    typealias Message = AuthFlowRecord.Message

    /// apish → authorization server: the request as it goes, headers and form fields one a line.
    static func request(_ request: HTTPRequest, redactor: Redactor?) -> Message {
        let shown = redactor?.request(request) ?? request
        var details: [String] = []
        for field in shown.headers {
            if let parameters = OAuth1AuthorizationHeader.parse(field.value) {
                details.append("\(field.name): OAuth")
                details += parameters.map { "  \($0.0)=\($0.1)" }
            } else {
                details.append("\(field.name): \(field.value)")
            }
        }
        let form = OAuth1RequestSigner.formPairs(of: shown)
        if !form.isEmpty {
            details.append("form:")
            details += form.map { "  \($0.0)=\($0.1)" }
        }
        return Message(from: .apish, to: .server, label: "\(shown.method) \(shown.url)", details: details)
    }

    /// authorization server → apish: the status and each value the answer carried.
    static func response(_ response: HTTPResponse, taken: [(String, String)], redactor: Redactor?) -> Message {
        Message(from: .server, to: .apish, label: "HTTP \(response.status)", details: lines(taken, redactor: redactor), isReply: true)
    }

    /// The values an answer carries: the members of a JSON object that are not objects or arrays, or
    /// the pairs of a form-encoded body (OAuth 1, and OAuth 2 providers of old).
    static func taken(from response: HTTPResponse) -> [(String, String)] {
        if let json = try? response.json(), let object = json.objectValue {
            return object.members.compactMap { member in
                switch member.value {
                case .string(let text): (member.key, text)
                case .number(let number): (member.key, number.literal)
                case .bool(let flag): (member.key, String(flag))
                case .null, .array, .object: nil
                }
            }
        }
        return PercentEncoding.decodePairs(response.text ?? "")
    }

    /// A browser leg: apish opens `url`, the browser asks the provider for its page, you act there.
    static func browser(_ leg: AuthLeg, url: String, redactor: Redactor?) -> [Message] {
        let base = url.split(separator: "?", maxSplits: 1).first.map(String.init) ?? url
        let action = leg == .userCode ? "enter the user code and approve" : "sign in and approve"
        return [
            Message(from: .apish, to: .browser, label: "open \(base)",
                    details: lines(RequestURL(url)?.queryPairs ?? [], redactor: redactor)),
            Message(from: .browser, to: .server, label: "GET \(base)"),
            Message(from: .you, to: .browser, label: action),
        ]
    }

    /// The provider sends the browser back to the redirect URI, which apish catches (or you paste).
    static func redirect(parameters: [(String, String)], redactor: Redactor?) -> [Message] {
        [
            Message(from: .server, to: .browser, label: "302 Found: back to the redirect URI", isReply: true),
            Message(from: .browser, to: .apish, label: "GET redirect URI", details: lines(parameters, redactor: redactor)),
        ]
    }

    /// `name=value` lines, each value masked where it is a credential.
    static func lines(_ pairs: [(String, String)], redactor: Redactor?) -> [String] {
        let fields = pairs.map { FormField(name: $0.0, value: $0.1) }
        return (redactor?.formFields(fields) ?? fields).map { "\($0.name)=\($0.value)" }
    }
}

import HTTPExchange
import JSON

/// An error a provider returned: RFC 6749 §5.2 `{"error","error_description"}`, Mautic's
/// `{"errors":[{"message","code","type"}]}`, an OAuth 1 form body (`oauth_problem=…`), or a bare status.
public struct ProviderError: Error, Sendable, Equatable, CustomStringConvertible {
    public var status: Int
    /// The machine-readable code: `invalid_client`, `invalid_grant`, `signature_invalid`…
    public var code: String?
    public var message: String?
    /// Which step failed, e.g. "token request" or "request token".
    public var step: String

    public init(status: Int, code: String?, message: String?, step: String) {
        self.status = status
        self.code = code
        self.message = message
        self.step = step
    }

    public init(response: HTTPResponse, step: String) {
        self.init(status: response.status, code: nil, message: nil, step: step)
        if let json = try? response.json() {
            if let error = json["error"]?.stringValue {
                code = error
                message = json["error_description"]?.stringValue
            } else if let first = json["errors"]?[0] {
                code = first["type"]?.stringValue
                message = first["message"]?.stringValue
            } else if let error = json["error"]?["message"]?.stringValue {
                message = error
            }
        } else if let text = response.text {
            let pairs = PercentEncoding.decodePairs(text)
            if let problem = pairs.first(where: { $0.0 == "oauth_problem" || $0.0 == "error" })?.1 {
                code = problem
                message = pairs.first { $0.0 == "oauth_problem_advice" || $0.0 == "error_description" }?.1
            } else {
                let trimmed = text.trimmingCharacters(in: " \n\r\t")
                if !trimmed.isEmpty && trimmed.count <= 300 && !trimmed.hasPrefix("<") { message = trimmed }
            }
        }
    }

    public var description: String {
        var text = "the provider refused the \(step) (HTTP \(status))"
        switch (code, message) {
        case let (code?, message?): text += ": \(code): \(message)"
        case let (code?, nil): text += ": \(code)"
        case let (nil, message?): text += ": \(message)"
        case (nil, nil): break
        }
        if let hint { text += " — \(hint)" }
        return text
    }

    private var hint: String? {
        switch code {
        case "invalid_client": "check client_id and client_secret, and client_auth (basic or body)"
        case "invalid_grant": "the code, refresh token or password was rejected or has expired; log in again"
        case "invalid_scope": "the provider does not accept this scope (Mautic accepts none: leave scope unset)"
        case "unauthorized_client": "this client may not use this grant"
        case "signature_invalid", "invalid_signature":
            "check consumer_secret, signature_method and normalization (Mautic ≤3 needs mautic-legacy)"
        default: nil
        }
    }
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        Substring(self).trimmingCharacters(in: set)
    }
}

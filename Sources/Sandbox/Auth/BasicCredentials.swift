import Foundation
import HTTPExchange

/// `Authorization: Basic base64(user:password)`, decoded.
struct BasicCredentials: Sendable, Equatable {
    let username: String
    let password: String

    init(username: String, password: String) {
        self.username = username
        self.password = password
    }

    /// nil when the header is not Basic; a value with empty parts when it is Basic but unreadable.
    init?(header: String?) {
        guard let header, header.count >= 6, header.prefix(6).lowercased() == "basic " else { return nil }
        let encoded = header.dropFirst(6).trimmingCharacters(in: .whitespaces)
        guard let data = Data(base64Encoded: encoded), let text = String(data: data, encoding: .utf8),
              let colon = text.firstIndex(of: ":") else {
            username = ""
            password = ""
            return
        }
        username = String(text[..<colon])
        password = String(text[text.index(after: colon)...])
    }

    func authenticate(in credentials: SandboxCredentials) -> SandboxCredentials.User? {
        guard let user = credentials.user(named: username), ConstantTime.equals(user.password, password),
              !username.isEmpty else { return nil }
        return user
    }
}

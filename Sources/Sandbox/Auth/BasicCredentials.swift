import HTTPExchange

extension BasicCredentials {
    /// nil when the header is not Basic; empty credentials when it is Basic but unreadable, so that it
    /// is refused as a wrong password is rather than ignored.
    init?(header: String?) {
        guard let header, Self.isBasic(header) else { return nil }
        self = BasicCredentials(authorization: header) ?? BasicCredentials(username: "", password: "")
    }

    func authenticate(in credentials: SandboxCredentials) -> SandboxCredentials.User? {
        guard let user = credentials.user(named: username), ConstantTime.equals(user.password, password),
              !username.isEmpty else { return nil }
        return user
    }
}

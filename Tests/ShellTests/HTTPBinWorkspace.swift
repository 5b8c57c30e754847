import TestSupport

/// httpbin on loopback and a private workspace whose `bin` environment points at it, with Basic auth
/// as `ada` by default: what the round-trip, leak and origin tests share.
struct HTTPBinWorkspace {
    let httpbin: PeerServer
    let fixture: ShellFixture

    /// - Parameters:
    ///   - password: the Basic profile's `password` setting; `{{password}}` takes the environment's
    ///     `secret password`, declared without a value.
    ///   - profiles: more `[auth NAME]` sections, given httpbin's base URL.
    init(password: String = "{{password}}", profiles: (String) -> String = { _ in "" }) throws {
        httpbin = try PeerServer.httpbin()
        fixture = try ShellFixture()
        let declaration = password == "{{password}}" ? "secret password\n" : ""
        try fixture.write("""
            baseUrl = \(httpbin.baseURL)
            \(declaration)auth = basic

            [auth basic]
            type = basic
            username = ada
            password = \(password)

            \(profiles(httpbin.baseURL))
            """, to: "environments/bin.env")
    }
}

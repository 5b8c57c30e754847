import Foundation
import HTTPExchange
import JSON

/// `/oauth/v2/device`: where a person types the user code a device shows (RFC 8628 §3.3), logs in, and
/// approves or denies. `?user_code=` (verification_uri_complete) fills the code in.
struct DevicePage {
    static let path = "/oauth/v2/device"

    let credentials: SandboxCredentials
    let now: Date

    func respond(to request: SandboxRequest, parameters: RequestParameters, store: inout DeviceStore) -> SandboxResponse {
        let fields = request.method == "POST" ? (parameters.bodyObject ?? JSONObject()) : parameters.query
        let value = { (name: String) in fields[name].flatMap(RequestParameters.scalarText) ?? "" }
        let userCode = value("user_code")
        guard request.method == "POST" else { return render(userCode: userCode, error: nil) }
        guard let deviceCode = store.deviceCode(forUserCode: userCode, now: now) else {
            return render(userCode: userCode, error: "Unknown or expired code. Check the code the device shows.", status: 400)
        }
        if !value("deny").isEmpty || value("approve").isEmpty {
            store.authorizations[deviceCode]?.decision = .denied
            return message("Request denied", "The device will not get access. You can close this page.")
        }
        let login = BasicCredentials(username: value("username"), password: value("password"))
        guard let user = login.authenticate(in: credentials) else {
            return render(userCode: userCode, error: "Invalid username or password.", status: 401)
        }
        store.authorizations[deviceCode]?.decision = .approved(userID: user.id)
        return message("Device approved", "The device now gets access as \(user.username). You can close this page.")
    }

    private func render(userCode: String, error: String?, status: Int = 200) -> SandboxResponse {
        PageDocument.render(title: "Connect a device", body: """
            <p>Enter the code your device shows, then log in to give it access to the API.</p>
              \(PageDocument.errorLine(error))
              <form method="post" action="\(Self.path)">
                <label>Code <input type="text" name="user_code" value="\(MarkupEscaping.escape(userCode))" autocomplete="off" autocapitalize="characters"></label>
                <label>Username <input type="text" name="username" autocomplete="username"></label>
                <label>Password <input type="password" name="password" autocomplete="current-password"></label>
                <button type="submit" name="approve" value="1">Approve</button>
                <button type="submit" name="deny" value="1">Deny</button>
              </form>
            """, status: status)
    }

    private func message(_ title: String, _ text: String) -> SandboxResponse {
        PageDocument.render(title: title, body: "<p>\(MarkupEscaping.escape(text))</p>")
    }
}

import Foundation
import JSON

/// The device authorization grant (RFC 8628) as the sandbox serves it: `/oauth/v2/device_authorization`
/// hands out a device code and a user code, and the token endpoint's
/// `urn:ietf:params:oauth:grant-type:device_code` grant answers polls. Mautic has no device grant, so
/// its errors use RFC 6749 §5.2's `{"error","error_description"}` as every device client expects.
struct DeviceAuthorizationEndpoint {
    static let grantType = "urn:ietf:params:oauth:grant-type:device_code"
    /// The name a client's `grantTypes` lists to be allowed the device grant.
    static let clientGrantName = "device_code"

    let configuration: SandboxConfiguration
    let now: Date

    func respond(client: SandboxCredentials.OAuth2Client, scope: String?, baseURL: String, store: inout DeviceStore) -> SandboxResponse {
        guard client.grantTypes.contains(Self.clientGrantName) else {
            return Self.error("unauthorized_client", "The client is not authorized to use the device grant.")
        }
        let issued = store.issue(
            clientID: client.clientID, scope: scope, lifetime: TimeInterval(configuration.deviceCodeTTL),
            interval: configuration.deviceInterval, now: now)
        let verification = baseURL + DevicePage.path
        return .json(.object(JSONObject([
            (key: "device_code", value: .string(issued.deviceCode)),
            (key: "user_code", value: .string(issued.userCode)),
            (key: "verification_uri", value: .string(verification)),
            (key: "verification_uri_complete", value: .string(FormEncoding.appendingQuery([("user_code", issued.userCode)], to: verification))),
            (key: "expires_in", value: .number(JSONNumber(configuration.deviceCodeTTL))),
            (key: "interval", value: .number(JSONNumber(configuration.deviceInterval))),
        ])), headers: [("Cache-Control", "no-store")])
    }

    enum Poll {
        /// Approved: the user the tokens are for, and the scope asked for.
        case approved(userID: Int, scope: String?)
        case refused(SandboxResponse)
    }

    /// One poll of the token endpoint (§3.4, §3.5).
    func poll(deviceCode: String?, client: SandboxCredentials.OAuth2Client, store: inout DeviceStore) -> Poll {
        guard let deviceCode, var authorization = store.authorizations[deviceCode], authorization.clientID == client.clientID else {
            return .refused(Self.error("invalid_grant", "The device code is unknown or belongs to another client."))
        }
        guard authorization.expires > now else {
            store.authorizations[deviceCode] = nil
            return .refused(Self.error("expired_token", "The device code has expired; start again."))
        }
        defer { store.authorizations[deviceCode]?.lastPoll = now }
        if let last = authorization.lastPoll, now.timeIntervalSince(last) < TimeInterval(authorization.interval) {
            authorization.interval += 5
            store.authorizations[deviceCode]?.interval = authorization.interval
            return .refused(Self.error("slow_down", "Polling too fast: wait \(authorization.interval) seconds between requests."))
        }
        switch authorization.decision {
        case .pending:
            return .refused(Self.error("authorization_pending", "The user has not yet approved the request."))
        case .denied:
            store.authorizations[deviceCode] = nil
            return .refused(Self.error("access_denied", "The user denied the request."))
        case .approved(let userID):
            store.authorizations[deviceCode] = nil
            return .approved(userID: userID, scope: authorization.scope)
        }
    }

    static func error(_ code: String, _ description: String, status: Int = 400) -> SandboxResponse {
        .json(.object(JSONObject([
            (key: "error", value: .string(code)), (key: "error_description", value: .string(description)),
        ])), status: status, headers: [("Cache-Control", "no-store")])
    }
}

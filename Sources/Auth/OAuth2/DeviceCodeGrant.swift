import Foundation
import HTTPExchange
import JSON

/// The answer of a device authorization endpoint (RFC 8628 §3.2).
struct DeviceAuthorization: Sendable, Equatable {
    var deviceCode: String
    var userCode: String
    var verificationURI: String
    var verificationURIComplete: String?
    var expiresIn: Int
    /// Seconds to wait between polls; 5 when the provider does not say (§3.2).
    var interval: Int

    static let defaultInterval = 5

    init(_ response: HTTPResponse) throws {
        guard (200..<300).contains(response.status), let json = try? response.json(), json["error"] == nil else {
            throw AuthError.provider(ProviderError(response: response, step: "device authorization request"))
        }
        func text(_ name: String) -> String? { json[name]?.stringValue.flatMap { $0.isEmpty ? nil : $0 } }
        func seconds(_ name: String) -> Int? { json[name]?.intValue ?? json[name]?.stringValue.flatMap { Int($0) } }
        // `verification_url` is the name some providers (Google) used before the RFC.
        guard let deviceCode = text("device_code"), let userCode = text("user_code"),
            let verificationURI = text("verification_uri") ?? text("verification_url"), let expiresIn = seconds("expires_in")
        else {
            throw AuthError.unexpectedResponse(
                "the device authorization response lacks device_code, user_code, verification_uri or expires_in (RFC 8628 §3.2)")
        }
        self.deviceCode = deviceCode
        self.userCode = userCode
        self.verificationURI = verificationURI
        verificationURIComplete = text("verification_uri_complete")
        self.expiresIn = expiresIn
        interval = max(1, seconds("interval") ?? Self.defaultInterval)
    }
}

/// The device authorization grant (RFC 8628): ask for a user code, tell the person where to enter it,
/// then poll the token endpoint at the interval the provider asks until they approve or deny, or the
/// code expires. `slow_down` adds five seconds to the interval for every later poll (§3.5).
struct DeviceCodeGrant: Sendable {
    static let grantType = "urn:ietf:params:oauth:grant-type:device_code"

    let settings: OAuth2Settings
    let client: OAuth2TokenClient
    let interaction: any AuthInteraction
    let narrate: TraceNarrator
    /// Waits between polls; tests record the waits instead of sleeping through them.
    var sleep: @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }
    var now: @Sendable () -> Date = { Date() }

    func run() async throws -> OAuth2Token {
        guard let endpoint = settings.deviceAuthorizationURL else {
            throw AuthError.notApplicable(
                "the provider publishes no device authorization endpoint: set device_authorization_url")
        }
        narrate("1. device authorization request (RFC 8628 §3.1): the client asks for a device code and a user code")
        let response = try await client.post(settings.scope.map { [("scope", $0)] } ?? [], to: endpoint)
        let authorization = try DeviceAuthorization(response)
        let narrate = self.narrate.adding([authorization.deviceCode])
        narrate("  ← HTTP \(response.status): device_code = \(authorization.deviceCode), user_code = \(authorization.userCode), "
            + "expires in \(authorization.expiresIn) s, poll every \(authorization.interval) s")
        try await interaction.willOpen(.userCode, url: authorization.verificationURIComplete ?? authorization.verificationURI)
        interaction.show("To log in, open \(authorization.verificationURI) and enter the code \(authorization.userCode)")
        if let complete = authorization.verificationURIComplete {
            interaction.show("(or open \(complete), which carries the code)")
        }
        interaction.openBrowser(authorization.verificationURIComplete ?? authorization.verificationURI)
        narrate("2. the person enters the user code at \(authorization.verificationURI) and approves (RFC 8628 §3.3)")
        narrate("3. polling the token endpoint with grant_type=\(Self.grantType) (RFC 8628 §3.4)")
        return try await poll(authorization, narrate: narrate)
    }

    private func poll(_ authorization: DeviceAuthorization, narrate: TraceNarrator) async throws -> OAuth2Token {
        let deadline = now().addingTimeInterval(TimeInterval(authorization.expiresIn))
        var interval = authorization.interval
        let tokenClient = OAuth2TokenClient(settings: settings, sender: client.sender, narrate: narrate)
        while true {
            try await sleep(.seconds(interval))
            guard now() < deadline else {
                narrate("  the device code's \(authorization.expiresIn) s are over: giving up")
                throw AuthError.deviceCodeExpired(seconds: authorization.expiresIn)
            }
            do {
                let token = try await tokenClient.requestToken(
                    [("grant_type", Self.grantType), ("device_code", authorization.deviceCode)], step: "device token request")
                narrate("  approved: tokens received")
                return token
            } catch AuthError.provider(let error) {
                switch error.code {
                case "authorization_pending":
                    narrate("  ← authorization_pending: not approved yet, polling again in \(interval) s")
                case "slow_down":
                    interval += 5
                    narrate("  ← slow_down: the interval grows by 5 s to \(interval) s (RFC 8628 §3.5)")
                case "expired_token":
                    throw AuthError.deviceCodeExpired(seconds: authorization.expiresIn)
                case "access_denied":
                    throw AuthError.denied("the person declined the request for user code \(authorization.userCode)")
                default:
                    throw AuthError.provider(error)
                }
            }
        }
    }
}

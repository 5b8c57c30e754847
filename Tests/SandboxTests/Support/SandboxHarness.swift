import Foundation
import JSON
@testable import Sandbox

/// A clock tests can move forward, to expire codes and tokens without waiting.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current = Date()

    var now: Date {
        lock.lock()
        defer { lock.unlock() }
        return current
    }

    func advance(_ seconds: TimeInterval) {
        lock.lock()
        current = current.addingTimeInterval(seconds)
        lock.unlock()
    }
}

/// The sandbox's request handling without sockets: the same routing, auth and contact rules as the server.
struct SandboxHarness {
    enum Credentials {
        case none
        case basic(String, String)
        case bearer(String)
        case header(String)
    }

    let state: SandboxState
    let clock = TestClock()

    init(configuration: SandboxConfiguration = SandboxConfiguration(), book: ContactBook? = nil) {
        let clock = self.clock
        state = SandboxState(
            configuration: configuration, credentials: .demo, book: book ?? .seeded(at: clock.now), clock: { clock.now })
    }

    func send(
        _ method: String, _ target: String, json: String? = nil, form: String? = nil,
        as credentials: Credentials = .basic("admin", "mautic"), headers: [(name: String, value: String)] = []
    ) async -> SandboxResponse {
        let parts = target.split(separator: "?", maxSplits: 1).map(String.init)
        var allHeaders = headers + [(name: "Host", value: "sandbox.test")]
        var body: [UInt8] = []
        if let json {
            allHeaders.append((name: "Content-Type", value: "application/json"))
            body = Array(json.utf8)
        } else if let form {
            allHeaders.append((name: "Content-Type", value: "application/x-www-form-urlencoded"))
            body = Array(form.utf8)
        }
        switch credentials {
        case .none: break
        case .basic(let user, let password):
            allHeaders.append((name: "Authorization", value: "Basic " + Data("\(user):\(password)".utf8).base64EncodedString()))
        case .bearer(let token): allHeaders.append((name: "Authorization", value: "Bearer \(token)"))
        case .header(let value): allHeaders.append((name: "Authorization", value: value))
        }
        return await state.respond(to: SandboxRequest(
            method: method, path: parts[0], query: parts.count > 1 ? parts[1] : "", headers: allHeaders, body: body))
    }

    /// A client-credentials access token for the demo service client.
    func serviceToken() async throws -> String {
        let response = await send(
            "POST", "/oauth/v2/token",
            form: "grant_type=client_credentials&client_id=2_demo-service-client&client_secret=demo-service-secret",
            as: .none)
        guard let token = try response.json()["access_token"]?.stringValue else {
            throw HarnessError(message: "no access token in \(response.bodyText)")
        }
        return token
    }
}

struct HarnessError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

extension SandboxResponse {
    func json() throws -> JSONValue { try JSONValue.parse(body) }

    /// The first error of Mautic's envelope, as (code, message, type).
    func mauticError() throws -> (code: Int?, message: String?, type: String?) {
        let first = try json()["errors"]?[0]
        return (first?["code"]?.intValue, first?["message"]?.stringValue, first?["type"]?.stringValue)
    }
}

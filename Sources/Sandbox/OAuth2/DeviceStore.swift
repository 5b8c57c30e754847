import Foundation
import HTTPExchange

/// Pending device authorizations (RFC 8628), by device code, with the user code a person types.
struct DeviceStore: Sendable {
    enum Decision: Sendable, Equatable {
        case pending
        case approved(userID: Int)
        case denied
    }

    struct Authorization: Sendable {
        let clientID: String
        let userCode: String
        let scope: String?
        let expires: Date
        /// Seconds a client must wait between polls; grows by 5 with each `slow_down` (§3.5).
        var interval: Int
        var lastPoll: Date?
        var decision: Decision
    }

    var authorizations: [String: Authorization] = [:]

    /// RFC 8628 §6.1: eight characters from 20 consonants (no vowels, so no words; no look-alikes),
    /// shown as `WDJB-MJHT`.
    static let userCodeAlphabet = Array("BCDFGHJKLMNPQRSTVWXZ")

    mutating func issue(clientID: String, scope: String?, lifetime: TimeInterval, interval: Int, now: Date)
        -> (deviceCode: String, userCode: String)
    {
        authorizations = authorizations.filter { $0.value.expires > now.addingTimeInterval(-3600) }
        var generator = SystemRandomNumberGenerator()
        var userCode: String
        repeat {
            let letters = (0..<8).map { _ in Self.userCodeAlphabet.randomElement(using: &generator)! }
            userCode = String(letters[0..<4]) + "-" + String(letters[4...])
        } while authorizations.values.contains { $0.userCode == userCode }
        let deviceCode = SecureRandom.base64URLToken(bytes: 32)
        authorizations[deviceCode] = Authorization(
            clientID: clientID, userCode: userCode, scope: scope, expires: now.addingTimeInterval(lifetime),
            interval: interval, lastPoll: nil, decision: .pending)
        return (deviceCode, userCode)
    }

    /// The device code of a pending, unexpired authorization with this user code, typed loosely: case,
    /// spaces and dashes do not matter (§6.1).
    func deviceCode(forUserCode typed: String, now: Date) -> String? {
        let wanted = Self.normalized(typed)
        return authorizations.first { _, authorization in
            Self.normalized(authorization.userCode) == wanted && authorization.decision == .pending && authorization.expires > now
        }?.key
    }

    static func normalized(_ userCode: String) -> String {
        String(userCode.uppercased().filter { $0 != "-" && !$0.isWhitespace })
    }
}

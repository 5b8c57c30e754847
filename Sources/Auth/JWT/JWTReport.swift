import Foundation
import JSON

/// A token made readable, as `jwt decode` and `auth token` print it: header and claims in the issuer's
/// order, `exp`/`iat`/`nbf`/`auth_time` as dates with how far away they are, whether the token is valid
/// now, and what checking its signature found. Neither the raw token nor its signature is ever printed.
public struct JWTReport: Sendable {
    public let token: JSONWebToken
    public let verification: JWTVerification?
    public let now: Date

    public init(token: JSONWebToken, verification: JWTVerification?, now: Date = Date()) {
        self.token = token
        self.verification = verification
        self.now = now
    }

    /// The claims that hold NumericDate values (RFC 7519 §4.1, OpenID Connect Core §2).
    static let timeClaims: Set<String> = ["exp", "iat", "nbf", "auth_time", "updated_at"]

    public enum Validity: Sendable, Equatable {
        case valid(expiresIn: Double?)
        case expired(ago: Double)
        case notYetValid(startsIn: Double)
    }

    /// Whether `exp` (RFC 7519 §4.1.4) and `nbf` (§4.1.5) allow the token now.
    public var validity: Validity {
        if let expires = token.time("exp"), expires <= now.timeIntervalSince1970 {
            return .expired(ago: now.timeIntervalSince1970 - expires)
        }
        if let notBefore = token.time("nbf"), notBefore > now.timeIntervalSince1970 {
            return .notYetValid(startsIn: notBefore - now.timeIntervalSince1970)
        }
        return .valid(expiresIn: token.time("exp").map { $0 - now.timeIntervalSince1970 })
    }

    /// Valid now, and verified when a key set was given: what a script can rely on.
    public var passes: Bool {
        guard case .valid = validity else { return false }
        return verification?.isVerified ?? true
    }

    public var lines: [String] {
        var lines = ["header"]
        lines += members(token.header)
        lines.append("claims")
        lines += members(token.claims)
        switch validity {
        case .valid(let expiresIn?): lines.append("status: valid, expires in \(Self.duration(expiresIn))")
        case .valid(nil): lines.append("status: valid, no expiry (no exp claim)")
        case .expired(let ago): lines.append("status: EXPIRED \(Self.duration(ago)) ago")
        case .notYetValid(let startsIn): lines.append("status: not valid yet, valid in \(Self.duration(startsIn)) (nbf)")
        }
        lines.append(verification.map(\.description) ?? "signature not checked: no key set (--jwks FILE|URL, or a provider's jwks_uri)")
        return lines
    }

    private func members(_ object: JSONObject) -> [String] {
        let width = object.keys.map(\.count).max() ?? 0
        return object.members.map { member in
            var line = "  " + member.key.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + member.value.serialized()
            if Self.timeClaims.contains(member.key), let seconds = member.value.doubleValue {
                line += "  " + Self.dateText(seconds, now: now)
            }
            return line
        }
    }

    /// `2026-11-30T14:20:45Z (in 4m 10s)` or `… (3m ago)`.
    static func dateText(_ seconds: Double, now: Date) -> String {
        let date = Date(timeIntervalSince1970: seconds)
        let offset = seconds - now.timeIntervalSince1970
        let relative = abs(offset) < 1 ? "now" : offset > 0 ? "in \(duration(offset))" : "\(duration(-offset)) ago"
        return "\(date.formatted(.iso8601)) (\(relative))"
    }

    /// A span as people read it: `45s`, `4m 10s`, `2h 5m`, `3d 4h`.
    public static func duration(_ seconds: Double) -> String {
        let total = Int(seconds.rounded())
        let (days, hours, minutes, rest) = (total / 86_400, total % 86_400 / 3600, total % 3600 / 60, total % 60)
        if days > 0 { return hours > 0 ? "\(days)d \(hours)h" : "\(days)d" }
        if hours > 0 { return minutes > 0 ? "\(hours)h \(minutes)m" : "\(hours)h" }
        if minutes > 0 { return rest > 0 ? "\(minutes)m \(rest)s" : "\(minutes)m" }
        return "\(rest)s"
    }
}

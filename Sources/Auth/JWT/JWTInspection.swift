import Foundation
import HTTPExchange

/// `jwt decode TOKEN [--jwks FILE|URL]`, shared by the shell and the command line: the token decoded,
/// and checked against a key set read from a file or fetched through the given sender.
public enum JWTInspection {
    public static func report(
        token text: String, keySet source: String?, sender: any HTTPSending, now: Date = Date()
    ) async throws -> JWTReport {
        let token = try JSONWebToken(compact: text)
        var verification: JWTVerification?
        if let source {
            verification = token.verify(with: try await keySet(source, sender: sender))
        }
        return JWTReport(token: token, verification: verification, now: now)
    }

    /// A JWK Set from `http(s)://…` (fetched) or a file path.
    public static func keySet(_ source: String, sender: any HTTPSending) async throws -> JSONWebKeySet {
        if RequestURL.hasHTTPScheme(source) {
            return try await KeySetFetcher.fetch(source, sender: sender)
        }
        let path = (source as NSString).expandingTildeInPath
        guard let data = FileManager.default.contents(atPath: path) else {
            throw JWTError.invalidKeySet("cannot read \(source)")
        }
        return try JSONWebKeySet(parsing: Array(data))
    }
}

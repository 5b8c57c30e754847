/// What an auth profile does to requests: applies its credentials, and after a refusal says whether
/// the request can be retried with renewed ones. `AuthSession` is the implementation; the shell and
/// the runner only see this seam.
public protocol RequestAuthorizer: Sendable {
    /// The request with credentials applied (a header, a signature, a token in the query).
    func authorize(_ request: HTTPRequest) async throws -> HTTPRequest
    /// After `response` answered `request`: the request authorized again with renewed credentials,
    /// to be sent once more, or nil when nothing can be renewed.
    func recover(from response: HTTPResponse, for request: HTTPRequest) async throws -> HTTPRequest?
}

/// One exchange as every command sends it: authorize, send, and on a refusal the authorizer can
/// renew (an expired OAuth 2 token), renew once and send again.
public struct AuthorizedExchange: Sendable {
    /// The request as finally sent, credentials applied.
    public let request: HTTPRequest
    public let response: HTTPResponse
    /// True when the first answer was refused and the request went again with renewed credentials.
    public let renewed: Bool

    public static func send(
        _ request: HTTPRequest, authorizer: (any RequestAuthorizer)?, through sender: any HTTPSending, options: SendOptions
    ) async throws -> AuthorizedExchange {
        guard let authorizer else {
            return AuthorizedExchange(request: request, response: try await sender.send(request, options: options), renewed: false)
        }
        let authorized: HTTPRequest
        do { authorized = try await authorizer.authorize(request) } catch { throw AuthorizationError(underlying: error) }
        let response = try await sender.send(authorized, options: options)
        let retry: HTTPRequest?
        do { retry = try await authorizer.recover(from: response, for: authorized) } catch { throw AuthorizationError(underlying: error) }
        guard let retry else {
            return AuthorizedExchange(request: authorized, response: response, renewed: false)
        }
        return AuthorizedExchange(request: retry, response: try await sender.send(retry, options: options), renewed: true)
    }
}

/// The authorizer failed (no token yet, a refused refresh), as opposed to the exchange itself, so
/// that messages can name the profile rather than the host.
public struct AuthorizationError: Error, Sendable, CustomStringConvertible {
    public let underlying: any Error
    public var description: String { "\(underlying)" }
}

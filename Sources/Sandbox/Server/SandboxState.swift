import Auth
import Foundation
import HTTPExchange
import JSON

/// Everything the sandbox remembers, and the routing of each request to the code that answers it.
/// An actor: requests are answered one at a time, so no two edits ever interleave.
actor SandboxState {
    static let mauticVersion = "5.1.1"

    private let configuration: SandboxConfiguration
    let credentials: SandboxCredentials
    private var book: ContactBook
    private var oauth1 = OAuth1Store()
    private var oauth2 = OAuth2Store()
    /// The RSA key every JWT is signed with, made at start (`prepareSigningKey`) or at first need.
    private var signer: JWTSigner?
    private let clock: @Sendable () -> Date

    init(configuration: SandboxConfiguration, credentials: SandboxCredentials, book: ContactBook,
         clock: @escaping @Sendable () -> Date = { Date() }) {
        self.configuration = configuration
        self.credentials = credentials
        self.book = book
        self.clock = clock
    }

    func respond(to request: SandboxRequest) -> SandboxResponse {
        var response: SandboxResponse
        do {
            response = try route(request)
        } catch {
            response = .error(error)
        }
        response.headers.append(("Mautic-Version", Self.mauticVersion))
        return response
    }

    private func route(_ request: SandboxRequest) throws(MauticError) -> SandboxResponse {
        let now = clock()
        let path = request.path.count > 1 && request.path.hasSuffix("/") ? String(request.path.dropLast()) : request.path
        var request = request
        request.path = path
        let parameters = try RequestParameters(request)
        let readsOrPosts = ["GET", "POST"].contains(request.method)
        switch path {
        case "/", "":
            return .text(Self.index(baseURL: "http://\(request.host)"))
        case "/api/openapi.json" where request.method == "GET":
            return .json(SandboxDescription.document(origin: "http://\(request.host)"))
        case "/oauth/v2/authorize" where readsOrPosts:
            return try OAuth2AuthorizeEndpoint(credentials: credentials, now: now)
                .respond(to: request, parameters: parameters, store: &oauth2)
        case "/oauth/v2/token" where readsOrPosts:
            return try tokenEndpoint(request, now).respond(to: request, parameters: parameters, store: &oauth2)
        case ProviderMetadata.openIDConfigurationPath, ProviderMetadata.authorizationServerPath:
            guard request.method == "GET" else { throw MauticError(code: 405, message: "Method Not Allowed") }
            return .json(ProviderMetadata.document(issuer: Self.issuer(of: request)))
        case ProviderMetadata.keySetPath:
            guard request.method == "GET" else { throw MauticError(code: 405, message: "Method Not Allowed") }
            return .json(try signingKey().keySet.json)
        case ProviderMetadata.deviceAuthorizationPath:
            guard request.method == "POST" else { throw MauticError(code: 405, message: "Method Not Allowed") }
            let fields = parameters.bodyObject ?? JSONObject()
            let value = { (name: String) in fields[name].flatMap(RequestParameters.scalarText).flatMap { $0.isEmpty ? nil : $0 } }
            let client = try tokenEndpoint(request, now).authenticateClient(request, value)
            return DeviceAuthorizationEndpoint(configuration: configuration, now: now)
                .respond(client: client, scope: value("scope"), baseURL: Self.issuer(of: request), store: &oauth2.devices)
        case DevicePage.path where readsOrPosts:
            return DevicePage(credentials: credentials, now: now).respond(to: request, parameters: parameters, store: &oauth2.devices)
        case "/oauth/v1/request_token" where readsOrPosts:
            return try oauth1Endpoints(now).requestToken(request, parameters, store: &oauth1)
        case "/oauth/v1/authorize" where readsOrPosts:
            return try oauth1Endpoints(now).authorize(request, parameters, store: &oauth1)
        case "/oauth/v1/access_token" where readsOrPosts:
            return try oauth1Endpoints(now).accessToken(request, parameters, store: &oauth1)
        default:
            break
        }
        guard path == "/api" || path.hasPrefix("/api/") else {
            throw MauticError(code: 404, message: "Requested URL not found: \(path)")
        }
        let user = try authenticate(request, parameters, now: now)
        if path == "/api/users/self" {
            guard request.method == "GET" else { throw MauticError(code: 405, message: "Method Not Allowed") }
            return .json(UserJSON.user(user))
        }
        var contacts = ContactsAPI(book: book, credentials: credentials, user: user, now: now)
        guard let response = try contacts.respond(to: request, parameters: parameters) else {
            throw MauticError(code: 404, message: "Requested URL not found: \(path)")
        }
        if contacts.book != book {
            book = contacts.book
            persist()
        }
        return response
    }

    /// Makes the signing key now, so that the first token request does not wait for it.
    func prepareSigningKey() throws {
        if signer == nil { signer = try JWTSigner() }
    }

    private func signingKey() throws(MauticError) -> JWTSigner {
        if let signer { return signer }
        do { try prepareSigningKey() } catch {
            throw MauticError(code: 500, message: "The sandbox could not make its signing key: \(error)")
        }
        guard let signer else { throw MauticError(code: 500, message: "The sandbox has no signing key") }
        return signer
    }

    private func tokenEndpoint(_ request: SandboxRequest, _ now: Date) throws(MauticError) -> OAuth2TokenEndpoint {
        OAuth2TokenEndpoint(
            credentials: credentials, accessTokenLifetime: TimeInterval(configuration.tokenTTL),
            tokens: SandboxTokenIssuer(signer: try signingKey(), issuer: Self.issuer(of: request)),
            configuration: configuration, now: now)
    }

    /// The sandbox's issuer identifier: its origin as the client reached it.
    static func issuer(of request: SandboxRequest) -> String {
        "http://\(request.host)"
    }

    /// What lives where; credentials are printed by the command that starts the server, never served.
    private static func index(baseURL: String) -> String {
        """
        Mautic-compatible sandbox (Mautic-Version \(mauticVersion))
          \(baseURL)/api/contacts               list, /new, /{id}, /{id}/edit, /{id}/delete, /batch/...
          \(baseURL)/api/users/self             the authenticated user
          \(baseURL)/api/openapi.json           this API's OpenAPI 3.1 description
          \(baseURL)/oauth/v2/authorize         OAuth 2 consent page;  /oauth/v2/token
          \(baseURL)/oauth/v2/device            enter a device's user code;  /oauth/v2/device_authorization
          \(baseURL)/.well-known/openid-configuration   metadata (also /.well-known/oauth-authorization-server);  /oauth/v2/jwks
          \(baseURL)/oauth/v1/request_token     OAuth 1.0a;  /oauth/v1/authorize, /oauth/v1/access_token

        """
    }

    private func oauth1Endpoints(_ now: Date) -> OAuth1Endpoints {
        OAuth1Endpoints(credentials: credentials, signing: configuration.oauth1Signing, now: now)
    }

    /// Basic, then OAuth 2 bearer, then OAuth 1.0a, as Mautic's API firewall tries them.
    private func authenticate(_ request: SandboxRequest, _ parameters: RequestParameters, now: Date) throws(MauticError) -> SandboxCredentials.User {
        if let basic = BasicCredentials(header: request.header("authorization")) {
            guard let user = basic.authenticate(in: credentials) else { throw MauticError.invalidBasicCredentials }
            return user
        }
        if let token = try BearerToken.find(in: request, parameters: parameters) {
            guard let grant = oauth2.accessTokens[token] else { throw OAuth2Error.invalidAccessToken }
            guard grant.expires > now else { throw OAuth2Error.expiredAccessToken }
            guard let user = credentials.user(id: grant.userID) else { throw OAuth2Error.invalidAccessToken }
            return user
        }
        if OAuth1Parameters.isPresent(in: request, parameters: parameters) {
            return try oauth1Endpoints(now).authenticate(request, parameters, store: &oauth1)
        }
        throw MauticError.accessDenied
    }

    private func persist() {
        guard let path = configuration.dataFile else { return }
        do {
            try ContactDataFile.save(book, to: path)
        } catch {
            FileHandle.standardError.write(Data("sandbox: cannot save \(path): \(error.localizedDescription)\n".utf8))
        }
    }
}

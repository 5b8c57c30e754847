import Foundation
import HTTPExchange
import Synchronization

/// The live state of one auth profile in one environment: applies it to requests, logs in, refreshes
/// OAuth 2 tokens before they expire and once after a 401, and keeps what a login obtained in the
/// secret store under `storeKey` (a login that fails stores nothing).
///
/// The shell keeps one session per (environment, profile); `apish run` does the same, so tokens
/// obtained interactively are reused and refreshed in CI.
public final class AuthSession: Sendable {
    public let profile: AuthProfile
    public let storeKey: String
    private let store: any SecretStore
    private let sender: any HTTPSending
    private let traceState: Mutex<AuthTrace?>
    private let cached: Mutex<StoredCredentials?>
    private let renewal = Mutex<Task<OAuth2Token, any Error>?>(nil)
    /// The provider's metadata, read once per session when the profile names an `issuer`.
    private let discovered = Mutex<AuthorizationServerMetadata?>(nil)
    /// Learns every credential this session holds or obtains, so that output masks it.
    private let secrets: SecretRegistry?
    /// The last flow that obtained credentials, masked, for `auth diagram`.
    private let lastFlowState = Mutex<AuthFlowRecord?>(nil)

    public init(
        profile: AuthProfile, storeKey: String, store: any SecretStore, sender: any HTTPSending, trace: AuthTrace?,
        secrets: SecretRegistry? = nil
    ) {
        self.profile = profile
        self.storeKey = storeKey
        self.store = store
        self.sender = sender
        self.traceState = Mutex(trace)
        self.cached = Mutex(nil)
        self.secrets = secrets
        secrets?.register(contentsOf: profile.method.secrets)
    }

    /// The conventional key of a profile's credentials: `auth/ENVIRONMENT/PROFILE.json`, one file per
    /// (environment, profile) in the workspace's state folder.
    public static func storeKey(environment: String, profile: String) -> String {
        "auth/\(environment)/\(profile).json"
    }

    /// `trace on` / `trace off` / `trace reveal` change this on a live session.
    public var trace: AuthTrace? {
        get { traceState.withLock { $0 } }
        set { traceState.withLock { $0 = newValue } }
    }

    // MARK: Requests

    /// The request with credentials applied: a Basic or Bearer header, an OAuth 1 signature (fresh nonce
    /// and timestamp), an OAuth 2 token — refreshed first when it is about to expire, or obtained first
    /// for the client credentials and password grants, which need nobody at the keyboard.
    public func authorize(_ request: HTTPRequest) async throws -> HTTPRequest {
        let authorized = try await applyCredentials(to: request)
        secrets?.register(contentsOf: secretValues)
        return authorized
    }

    private func applyCredentials(to request: HTTPRequest) async throws -> HTTPRequest {
        let narrate = narrator()
        switch profile.method {
        case .none:
            return request
        case .basic(let settings):
            guard let password = try settings.password ?? credentials()?.password(of: settings.username) else {
                throw AuthError.notLoggedIn(profile: profile.name, reason: "no password for \(settings.username)")
            }
            let value = BasicCredentials.headerValue(username: settings.username, password: password)
            let masked = narrate.adding([password, String(value.dropFirst(6))])
            masked("basic: Authorization: Basic base64(\"\(settings.username):\(masked.secret(password))\") = \(value)")
            if let warning = warning(for: request) { masked("  warning: \(warning)") }
            var authorized = request
            authorized.headers.set("Authorization", value)
            return authorized
        case .bearer(let settings):
            guard let token = try settings.token ?? credentials()?.bearerToken else {
                throw AuthError.notLoggedIn(profile: profile.name, reason: "no bearer token")
            }
            narrate("bearer: token sent in the \(settings.placement == .header ? "Authorization header" : "access_token query parameter")")
            return Self.apply(token: token, placement: settings.placement, to: request)
        case .oauth1(let settings):
            return try sign(request, settings: settings, narrate: narrate)
        case .oauth2(let configured):
            let settings = try await resolved(configured, narrate: narrate)
            let token = try await currentToken(settings, narrate: narrate)
            narrate.adding([token.accessToken])(
                "oauth2: access token \(token.accessToken) sent in the \(settings.tokenPlacement == .header ? "Authorization: Bearer header" : "access_token query parameter")")
            return Self.apply(token: token.accessToken, placement: settings.tokenPlacement, to: request)
        }
    }

    /// After a 401 to an OAuth 2 request: refreshes the token (or, for grants that need nobody, gets a
    /// new one) and returns the request authorized again, to be retried once. Nil when nothing can be
    /// done: other methods, other statuses, or no way to renew. The request may be the one given to
    /// `authorize` or the one sent (its old token is removed first); call this at most once per request.
    public func recover(from response: HTTPResponse, for request: HTTPRequest) async throws -> HTTPRequest? {
        guard response.status == 401, case .oauth2(let configured) = profile.method else { return nil }
        let narrate = narrator()
        guard let token = try credentials()?.oauth2,
            token.refreshToken != nil || !configured.grant.needsPerson
        else { return nil }
        let settings = try await resolved(configured, narrate: narrate)
        let renewed = try await renewOnce(settings, reason: "the server answered 401", narrate: narrate, keepFresh: false)
        var retried = request
        retried.headers.remove("Authorization")
        retried.url = Self.removingQueryParameter("access_token", from: retried.url)
        return Self.apply(token: renewed.accessToken, placement: settings.tokenPlacement, to: retried)
    }

    /// The plain-http warning for Basic credentials, or nil. The shell shows it before sending.
    public func warning(for request: HTTPRequest) -> String? {
        guard case .basic(let settings) = profile.method, !settings.allowInsecure else { return nil }
        return BasicAuthorization.insecureTransportWarning(for: request.url)
    }

    // MARK: Login and logout

    /// The last login, refresh or grant this session ran to success, leg by leg and masked.
    public var lastFlow: AuthFlowRecord? { lastFlowState.withLock { $0 } }

    /// Runs the profile's login: asks a Basic password or bearer token (unless the profile has one),
    /// or runs the OAuth 1 three-legged flow or the OAuth 2 grant. Stores the result only on success.
    /// The OAuth legs are recorded for `auth diagram`; with a `stepper`, each waits for its consent.
    public func login(_ interaction: any AuthInteraction, stepper: (any AuthStepping)? = nil) async throws {
        let recorder = AuthFlowRecorder(secrets: secretValues, stepper: stepper)
        let narrate = narrator(watching: recorder)
        let sender = RecordingSender(base: self.sender, recorder: recorder)
        let interaction = RecordingInteraction(base: interaction, recorder: recorder)
        var stored = try credentials() ?? StoredCredentials()
        switch profile.method {
        case .none:
            throw AuthError.notApplicable("auth profile '\(profile.name)' has type none: there is nothing to log in to")
        case .basic(let settings):
            guard settings.password == nil else {
                interaction.show("the password of \(settings.username) comes from the profile's settings")
                return
            }
            guard let password = await interaction.ask("Password for \(settings.username): ", secret: true),
                !password.isEmpty
            else { throw AuthError.cancelled("no password was given") }
            stored.password = password
            stored.passwordUsername = settings.username
        case .bearer(let settings):
            guard settings.token == nil else {
                interaction.show("the token comes from the profile's settings")
                return
            }
            guard let token = await interaction.ask("Bearer token: ", secret: true), !token.isEmpty else {
                throw AuthError.cancelled("no token was given")
            }
            stored.bearerToken = token
        case .oauth1(let settings):
            guard let endpoints = settings.endpoints else {
                throw AuthError.notApplicable(
                    "auth profile '\(profile.name)' has no request_token_url, authorize_url and access_token_url: it signs with the consumer credentials\(settings.token == nil ? "" : " and the configured token") only")
            }
            let signer = try signer(settings)
            let login = OAuth1Login(
                settings: settings, endpoints: endpoints, signer: signer, sender: sender, interaction: interaction,
                narrate: narrate)
            stored.oauth1 = try await login.run()
            interaction.show("logged in: access token stored for '\(profile.name)'")
        case .oauth2(let configured):
            let settings = try await resolved(configured, narrate: narrate)
            var password = settings.password
            if settings.grant == .password && password == nil {
                password = await interaction.ask("Password for \(settings.username ?? ""): ", secret: true)
                guard password?.isEmpty == false else { throw AuthError.cancelled("no password was given") }
            }
            let login = OAuth2Login(
                settings: settings,
                client: OAuth2TokenClient(settings: settings, sender: sender, narrate: narrate.adding([password].compactMap { $0 })),
                interaction: interaction, narrate: narrate.adding([password].compactMap { $0 }))
            let token = try await login.run(password: password)
            stored.oauth2 = token
            interaction.show("logged in: \(Self.describe(token)) for '\(profile.name)'")
        }
        try save(stored)
        remember(recorder, trigger: "auth login \(profile.name)")
    }

    /// `auth refresh`: trades the stored refresh token for a new access token now, whatever the old
    /// one's expiry (RFC 6749 §6). With a `stepper`, the request waits for its consent.
    public func refreshNow(stepper: (any AuthStepping)? = nil) async throws -> OAuth2Token {
        guard case .oauth2(let configured) = profile.method else {
            throw AuthError.notApplicable("auth profile '\(profile.name)' is \(profile.method.displayName): only OAuth 2 tokens are refreshed")
        }
        guard let refreshToken = try credentials()?.oauth2?.refreshToken else {
            throw AuthError.notLoggedIn(profile: profile.name, reason: "no refresh token is stored")
        }
        let recorder = AuthFlowRecorder(secrets: secretValues, stepper: stepper)
        let narrate = narrator(watching: recorder)
        let settings = try await resolved(configured, narrate: narrate)
        return try await refresh(
            settings, refreshToken: refreshToken, reason: "auth refresh asked for it", narrate: narrate, recorder: recorder,
            trigger: "auth refresh \(profile.name)")
    }

    /// Forgets every token and password this session stored.
    public func logout() throws {
        do { try store.remove(storeKey) } catch { throw AuthError.storage("cannot remove '\(storeKey)': \(error)") }
        cached.withLock { $0 = StoredCredentials() }
    }

    // MARK: Status and explanation

    public var status: AuthStatus {
        let stored = (try? credentials()) ?? nil
        var status = AuthStatus(
            profile: profile.name, method: profile.method.displayName, isReady: false, expiresAt: nil, scopes: [],
            canRefresh: false, details: [])
        let mask = Redactor.mask
        switch profile.method {
        case .none:
            status.isReady = true
        case .basic(let settings):
            status.isReady = settings.password != nil || stored?.password(of: settings.username) != nil
            status.details = ["user: \(settings.username)", "password: " + (status.isReady ? mask : "not set (auth login asks)")]
            if settings.allowInsecure { status.details.append("plain-http warning silenced (allow_insecure)") }
        case .bearer(let settings):
            status.isReady = settings.token != nil || stored?.bearerToken != nil
            status.details = ["token: " + (status.isReady ? mask : "not set"), "sent in: \(settings.placement.rawValue)"]
        case .oauth1(let settings):
            let token = stored?.oauth1 ?? settings.token
            status.isReady = token != nil || settings.endpoints == nil
            status.details = [
                "consumer key: \(settings.consumerKey)",
                "signature: \(settings.signatureMethod.rawValue), parameters in the \(settings.placement.rawValue), \(settings.normalization.rawValue) normalization",
                "access token: " + (token == nil ? (settings.endpoints == nil ? "none (two-legged)" : "none (auth login)") : mask),
            ]
        case .oauth2(let settings):
            status.details = ["client: \(settings.clientID)", "grant: \(settings.grant.rawValue)"]
            if let token = stored?.oauth2 {
                status.isReady = !token.needsRefresh() || token.refreshToken != nil || settings.grant == .clientCredentials
                    || (settings.grant == .password && settings.password != nil)
                status.expiresAt = token.expiresAt
                status.scopes = token.scopes
                status.canRefresh = token.refreshToken != nil
                status.details.append("access token: \(mask) (\(token.tokenType))")
                status.details.append(token.expiresAt.map { Self.expiryText($0) } ?? "expiry: not given by the provider")
                status.details.append("refresh token: " + (token.refreshToken == nil ? "none" : mask))
                status.details.append("scopes: " + (token.scopes.isEmpty ? "(none granted explicitly)" : token.scopes.joined(separator: " ")))
            } else {
                status.isReady = settings.grant == .clientCredentials || (settings.grant == .password && settings.password != nil)
                status.details.append(settings.grant.needsPerson
                    ? "no token: auth login" : "no token yet: one is requested with the first request")
            }
        }
        return status
    }

    /// Every secret this session knows now (passwords, client and consumer secrets, tokens), for a
    /// `Redactor` over anything shown or saved: an authorized request carries some of them in its
    /// `Authorization` header or query.
    public var secretValues: [String] {
        let stored = (try? credentials()) ?? nil
        var secrets = profile.method.secrets
        secrets += [stored?.password, stored?.bearerToken, stored?.oauth1?.token, stored?.oauth1?.secret,
                    stored?.oauth2?.accessToken, stored?.oauth2?.refreshToken, stored?.oauth2?.idToken].compactMap { $0 }
        if case .basic(let settings) = profile.method, let password = settings.password ?? stored?.password(of: settings.username) {
            secrets.append(String(BasicCredentials.headerValue(username: settings.username, password: password).dropFirst(6)))
        }
        return secrets
    }

    /// `auth token`: the credentials held now, made readable — type, scopes, expiry as a countdown,
    /// whether a refresh token is kept, and each JWT (access or ID token) decoded, its signature checked
    /// against the provider's key set when one is known (`jwks_url`, or `jwks_uri` from discovery).
    /// Tokens themselves stay masked; their decoded claims are shown.
    public func tokenReport(now: Date = Date()) async -> [String] {
        let stored = (try? credentials()) ?? nil
        let mask = Redactor.mask
        switch profile.method {
        case .none:
            return ["no credentials: requests are sent without them"]
        case .basic(let settings):
            let ready = settings.password != nil || stored?.password(of: settings.username) != nil
            return ["basic: user \(settings.username), password " + (ready ? mask : "not set (auth login asks)")]
        case .oauth1(let settings):
            let token = stored?.oauth1 ?? settings.token
            return ["oauth1: access token " + (token == nil ? "none (auth login)" : "\(mask), token secret \(mask)"),
                    "OAuth 1 tokens are opaque: only the provider can read them"]
        case .bearer(let settings):
            guard let token = settings.token ?? stored?.bearerToken else { return ["no bearer token: auth login"] }
            return ["bearer token: \(mask)"] + (await decoded(token, name: "token", keys: nil, now: now))
        case .oauth2(let configured):
            guard let token = stored?.oauth2 else {
                return ["no token: " + (configured.grant.needsPerson ? "auth login" : "one is requested with the first request")]
            }
            var lines = [
                "access token: \(mask)   type \(token.tokenType)",
                "scopes: " + (token.scopes.isEmpty ? "(none granted explicitly)" : token.scopes.joined(separator: " ")),
                token.expiresAt.map { expiry in
                    expiry > now
                        ? "expires: \(Self.timeText(expiry)) (in \(JWTReport.duration(expiry.timeIntervalSince(now))))"
                        : "expires: EXPIRED at \(Self.timeText(expiry)) (\(JWTReport.duration(now.timeIntervalSince(expiry)))) ago)"
                } ?? "expires: not given by the provider",
                "refresh token: " + (token.refreshToken == nil ? "none" : "present (\(mask))"),
            ]
            let needsKeys = JSONWebToken.looksLikeJWT(token.accessToken) || token.idToken != nil
            var keys: Result<JSONWebKeySet, any Error>?
            if needsKeys { keys = await keySet(configured) }
            lines += await decoded(token.accessToken, name: "access token", keys: keys, now: now)
            if let idToken = token.idToken {
                lines.append("ID token: \(mask)")
                lines += await decoded(idToken, name: "ID token", keys: keys, now: now)
                if let decoded = try? JSONWebToken(compact: idToken) {
                    lines += IDTokenCheck.lines(decoded, clientID: configured.clientID, sentNonce: token.nonce).map { "  " + $0 }
                }
            }
            return lines
        }
    }

    /// The provider's key set, or why there is none to check signatures with.
    private func keySet(_ configured: OAuth2Settings) async -> Result<JSONWebKeySet, any Error>? {
        let narrate = narrator()
        do {
            guard let url = try await resolved(configured, narrate: narrate).jwksURL else { return nil }
            return .success(try await ProviderDocuments(sender: sender, narrate: narrate).keySet(url: url))
        } catch {
            return .failure(error)
        }
    }

    private func decoded(
        _ text: String, name: String, keys: Result<JSONWebKeySet, any Error>?, now: Date
    ) async -> [String] {
        guard let token = try? JSONWebToken(compact: text) else {
            return ["the \(name) is opaque (not a JWT): only the provider can read it"]
        }
        var verification: JWTVerification?
        var keyProblem: String?
        switch keys {
        case .success(let keySet)?: verification = token.verify(with: keySet)
        case .failure(let error)?: keyProblem = "signature not checked: \(error)"
        case nil: break
        }
        var report = JWTReport(token: token, verification: verification, now: now).lines
        if let keyProblem { report[report.count - 1] = keyProblem }
        return ["the \(name) is a JWT (\(token.algorithm)):"] + report.map { "  " + $0 }
    }

    /// The configured flow as numbered steps, for `auth explain`, before anything is run.
    public func explain() -> [String] {
        AuthExplanation.steps(for: profile)
    }

    // MARK: Internals

    private func narrator() -> TraceNarrator {
        TraceNarrator(trace, secrets: secretValues)
    }

    /// The narration of a watched flow: to the trace as always, and, when someone steps through it, to
    /// the recorder too, whose pause shows it as the derivation of the next leg.
    private func narrator(watching recorder: AuthFlowRecorder) -> TraceNarrator {
        guard let stepper = recorder.stepper else { return narrator() }
        let trace = self.trace
        let tee = AuthTrace(reveal: stepper.revealsSecrets) { line in
            trace?.emit(line)
            recorder.narrated(line)
        }
        return TraceNarrator(tee, secrets: secretValues)
    }

    /// Keeps the record of a flow that succeeded; a legless one (Basic, bearer) leaves the last as it was.
    private func remember(_ recorder: AuthFlowRecorder, trigger: String) {
        let legs = recorder.legs
        guard !legs.isEmpty else { return }
        lastFlowState.withLock { $0 = AuthFlowRecord(profile: profile, trigger: trigger, legs: legs) }
    }

    private func credentials() throws -> StoredCredentials? {
        if let cached = cached.withLock({ $0 }) { return cached }
        let loaded = try StoredCredentials.load(storeKey, from: store) ?? StoredCredentials()
        cached.withLock { $0 = loaded }
        return loaded
    }

    private func save(_ credentials: StoredCredentials) throws {
        try credentials.save(storeKey, to: store)
        cached.withLock { $0 = credentials }
        secrets?.register(contentsOf: secretValues)
    }

    private func signer(_ settings: OAuth1Settings) throws -> OAuth1RequestSigner {
        var pem = settings.privateKeyPEM
        if pem == nil, let path = settings.privateKeyFile {
            guard let data = FileManager.default.contents(atPath: (path as NSString).expandingTildeInPath) else {
                throw AuthError.notApplicable("cannot read private_key_file '\(path)'")
            }
            pem = String(decoding: data, as: UTF8.self)
        }
        return OAuth1RequestSigner(
            consumerKey: settings.consumerKey, consumerSecret: settings.consumerSecret,
            method: settings.signatureMethod, placement: settings.placement, normalization: settings.normalization,
            realm: settings.realm, rsaPrivateKeyPEM: pem)
    }

    private func sign(_ request: HTTPRequest, settings: OAuth1Settings, narrate: TraceNarrator) throws -> HTTPRequest {
        let token = try credentials()?.oauth1 ?? settings.token
        if token == nil && settings.endpoints != nil {
            throw AuthError.notLoggedIn(profile: profile.name, reason: "no OAuth 1 access token")
        }
        let signer = try signer(settings)
        let (signed, report) = try signer.sign(
            request, token: token, nonce: OAuth1Nonce.make(), timestamp: OAuth1Nonce.timestamp())
        narrate("oauth1: signing \(request.method) \(request.url)")
        OAuth1Narration.narrate(report, signer: signer, token: token, narrate: narrate)
        return signed
    }

    /// The settings with the endpoints the profile leaves out read from the provider's metadata, fetched
    /// at the first need and kept for the session's life.
    private func resolved(_ settings: OAuth2Settings, narrate: TraceNarrator) async throws -> OAuth2Settings {
        guard let issuer = settings.issuer else { return settings }
        if let metadata = discovered.withLock({ $0 }) { return settings.filling(from: metadata) }
        let metadata = try await ProviderDocuments(sender: sender, narrate: narrate).metadata(issuer: issuer)
        discovered.withLock { $0 = metadata }
        return settings.filling(from: metadata)
    }

    /// A token client whose requests `recorder` watches.
    private func tokenClient(_ settings: OAuth2Settings, narrate: TraceNarrator, recorder: AuthFlowRecorder) -> OAuth2TokenClient {
        OAuth2TokenClient(settings: settings, sender: RecordingSender(base: sender, recorder: recorder), narrate: narrate)
    }

    private func currentToken(_ settings: OAuth2Settings, narrate: TraceNarrator) async throws -> OAuth2Token {
        guard let token = try credentials()?.oauth2 else {
            guard !settings.grant.needsPerson else {
                throw AuthError.notLoggedIn(profile: profile.name, reason: "no OAuth 2 token")
            }
            narrate("oauth2: no token yet: requesting one with the \(settings.grant.rawValue) grant")
            return try await obtainWithoutInteraction(settings, narrate: narrate)
        }
        guard token.needsRefresh() else { return token }
        let reason = token.expiresAt.map { "the access token expires at \(Self.timeText($0))" } ?? "the token expired"
        return try await renewOnce(settings, reason: reason, narrate: narrate, keepFresh: true)
    }

    /// Renews the token once even when several requests need it at the same moment: a provider that
    /// rotates refresh tokens (Mautic does) invalidates one at its first use, so a second refresh with
    /// it would fail and lose the login. Those who arrive while a renewal runs wait for its result.
    private func renewOnce(
        _ settings: OAuth2Settings, reason: String, narrate: TraceNarrator, keepFresh: Bool
    ) async throws -> OAuth2Token {
        let (task, started) = renewal.withLock { current -> (Task<OAuth2Token, any Error>, Bool) in
            if let current { return (current, false) }
            let task = Task { [self] in
                try await renew(settings, reason: reason, narrate: narrate, keepFresh: keepFresh)
            }
            current = task
            return (task, true)
        }
        defer { if started { renewal.withLock { $0 = nil } } }
        return try await task.value
    }

    private func renew(
        _ settings: OAuth2Settings, reason: String, narrate: TraceNarrator, keepFresh: Bool
    ) async throws -> OAuth2Token {
        let current = try credentials()?.oauth2
        if keepFresh, let current, !current.needsRefresh() { return current }
        if let refreshToken = current?.refreshToken {
            return try await refresh(
                settings, refreshToken: refreshToken, reason: reason, narrate: narrate,
                recorder: AuthFlowRecorder(secrets: secretValues, stepper: nil), trigger: "a request, because \(reason)")
        }
        guard !settings.grant.needsPerson else {
            throw AuthError.notLoggedIn(profile: profile.name, reason: "the access token expired and there is no refresh token")
        }
        narrate("oauth2: \(reason) and there is no refresh token: requesting a new token")
        return try await obtainWithoutInteraction(settings, narrate: narrate)
    }

    private func obtainWithoutInteraction(_ settings: OAuth2Settings, narrate: TraceNarrator) async throws -> OAuth2Token {
        guard settings.grant != .password || settings.password != nil else {
            throw AuthError.notLoggedIn(profile: profile.name, reason: "the password grant needs the password")
        }
        let recorder = AuthFlowRecorder(secrets: secretValues, stepper: nil)
        let login = OAuth2Login(
            settings: settings, client: tokenClient(settings, narrate: narrate, recorder: recorder),
            interaction: SilentInteraction(), narrate: narrate)
        let token = try await login.run(password: settings.password)
        var stored = try credentials() ?? StoredCredentials()
        stored.oauth2 = token
        try save(stored)
        remember(recorder, trigger: "a request that needs a token")
        return token
    }

    private func refresh(
        _ settings: OAuth2Settings, refreshToken: String, reason: String, narrate: TraceNarrator,
        recorder: AuthFlowRecorder, trigger: String
    ) async throws -> OAuth2Token {
        narrate("oauth2: refreshing the token because \(reason)")
        var token: OAuth2Token
        do {
            token = try await tokenClient(settings, narrate: narrate, recorder: recorder).requestToken(
                [("grant_type", "refresh_token"), ("refresh_token", refreshToken)], step: "token refresh")
        } catch AuthError.provider(let error) where error.code == "invalid_grant" {
            // The refresh token is dead (expired, rotated away, revoked): keeping it would fail every request.
            var stored = try credentials() ?? StoredCredentials()
            stored.oauth2 = nil
            try save(stored)
            throw AuthError.provider(error)
        }
        // RFC 6749 §6: a provider may keep the refresh token and not send it again.
        if token.refreshToken == nil { token.refreshToken = refreshToken }
        var stored = try credentials() ?? StoredCredentials()
        token.nonce = stored.oauth2?.nonce
        stored.oauth2 = token
        try save(stored)
        remember(recorder, trigger: trigger)
        narrate.adding([token.accessToken])("oauth2: refreshed; \(Self.describe(token))")
        return token
    }

    static func apply(token: String, placement: TokenPlacement, to request: HTTPRequest) -> HTTPRequest {
        var authorized = request
        switch placement {
        case .header: authorized.headers.set("Authorization", "Bearer " + token)
        case .query: authorized.url = RequestURL.appendingQuery([("access_token", token)], to: request.url)
        }
        return authorized
    }

    static func removingQueryParameter(_ name: String, from url: String) -> String {
        guard let question = url.firstIndex(of: "?") else { return url }
        let base = url[..<question]
        var rest = url[url.index(after: question)...]
        var fragment = ""
        if let hash = rest.firstIndex(of: "#") {
            fragment = String(rest[hash...])
            rest = rest[..<hash]
        }
        let kept = rest.split(separator: "&").filter {
            PercentEncoding.decode($0.split(separator: "=", maxSplits: 1).first ?? "") != name
        }
        return base + (kept.isEmpty ? "" : "?" + kept.joined(separator: "&")) + fragment
    }

    /// `access token valid until …, refresh token, scopes …`: what a login or refresh obtained.
    public static func describe(_ token: OAuth2Token) -> String {
        var text = "access token"
        if let expiresAt = token.expiresAt { text += " valid until \(timeText(expiresAt))" }
        if token.refreshToken != nil { text += ", refresh token" }
        if !token.scopes.isEmpty { text += ", scopes \(token.scopes.joined(separator: " "))" }
        return text
    }

    static func expiryText(_ date: Date, now: Date = Date()) -> String {
        let seconds = Int(date.timeIntervalSince(now).rounded())
        return seconds >= 0
            ? "expires at \(timeText(date)) (in \(seconds) s)" : "expired at \(timeText(date)) (\(-seconds) s ago)"
    }

    static func timeText(_ date: Date) -> String {
        date.formatted(.iso8601)
    }
}

/// The interaction of grants that need nobody (client credentials, password with a configured password).
private struct SilentInteraction: AuthInteraction {
    func show(_ line: String) {}
    func openBrowser(_ url: String) {}
    func ask(_ prompt: String, secret: Bool) async -> String? { nil }
}

extension AuthSession: RequestAuthorizer {}

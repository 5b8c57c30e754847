import JSON

/// Postman auth blocks as apish auth profiles. Secret values become secret variables referenced
/// from the profile (`password = {{name}}`), so they never land in the environment file.
struct PostmanAuthConverter {
    /// What a request ends up authenticating with.
    enum Resolved: Equatable {
        /// `noauth`: the request says so explicitly (`# @auth none`).
        case none
        case profile(String)
        /// Postman's API key, which apish sends as a plain header or query parameter.
        case apiKey(name: String, value: String, inQuery: Bool)
        /// An auth type apish does not implement; already warned about.
        case unsupported(String)
    }

    private(set) var profiles: [ImportedAuthProfile] = []
    private(set) var secrets: [ImportedVariable] = []
    private(set) var warnings: [String] = []
    private var profileNames: Set<String> = ["none"]
    private var variableNames: Set<String> = []
    private var profileBySignature: [String: String] = [:]

    init(reservedVariables: Set<String>) {
        variableNames = reservedVariables
    }

    /// - Returns: nil for `inherit` or no block (the parent's auth applies).
    mutating func convert(_ auth: JSONValue?, owner: String, where location: String) -> Resolved? {
        guard let auth, let type = auth["type"]?.stringValue else { return nil }
        let parameters = auth[type]?.authParameters ?? [:]
        switch type {
        case "inherit": return nil
        case "noauth": return Resolved.none
        case "apikey":
            let value = secretReference(parameters["value"] ?? "", owner: owner, key: "api_key")
            return .apiKey(name: parameters["key"] ?? "X-API-Key", value: value, inQuery: parameters["in"] == "query")
        case "basic", "bearer", "oauth1", "oauth2":
            let signature = type + "\u{1}" + parameters.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "\u{1}")
            if let name = profileBySignature[signature] { return .profile(name) }
            let name = NameSlug.unique(NameSlug.make(owner, fallback: type), in: &profileNames)
            guard let settings = settings(type: type, parameters, profile: name, where: location) else {
                profileNames.remove(name)
                return .unsupported(type)
            }
            profiles.append(ImportedAuthProfile(name: name, settings: settings))
            profileBySignature[signature] = name
            return .profile(name)
        default:
            warnings.append("\(location): \(type) auth is not supported by apish; the request is imported without it")
            return .unsupported(type)
        }
    }

    private mutating func settings(type: String, _ parameters: [String: String], profile: String, where location: String) -> [(key: String, value: String)]? {
        var settings: [(key: String, value: String)] = [("type", type)]
        func add(_ key: String, _ value: String?, secret: Bool = false) {
            guard let value, !value.isEmpty else { return }
            settings.append((key, secret ? secretReference(value, owner: profile, key: key) : value))
        }
        switch type {
        case "basic":
            add("username", parameters["username"])
            add("password", parameters["password"], secret: true)
        case "bearer":
            add("token", parameters["token"], secret: true)
        case "oauth1":
            add("consumer_key", parameters["consumerKey"])
            add("consumer_secret", parameters["consumerSecret"], secret: true)
            add("token", parameters["token"], secret: true)
            add("token_secret", parameters["tokenSecret"], secret: true)
            add("signature_method", parameters["signatureMethod"])
            add("realm", parameters["realm"])
            if parameters["addParamsToHeader"] == "false" { add("placement", "query") }
            add("private_key", parameters["privateKey"], secret: true)
        default:
            let grant = parameters["grant_type"] ?? ""
            let grants = ["authorization_code": "authorization_code", "authorization_code_with_pkce": "authorization_code",
                          "client_credentials": "client_credentials", "password_credentials": "password"]
            guard let apishGrant = grants[grant], parameters["accessTokenUrl"]?.isEmpty == false else {
                // No flow apish can run: keep the token Postman holds, if any, as a bearer profile.
                if let token = parameters["accessToken"], !token.isEmpty {
                    settings = [("type", "bearer")]
                    add("token", token, secret: true)
                    if parameters["addTokenTo"] == "queryParams" { add("token_placement", "query") }
                    warnings.append("\(location): OAuth 2 \(grant.isEmpty ? "without a grant" : grant) imported as its access token (bearer)")
                    return settings
                }
                warnings.append("\(location): OAuth 2 \(grant.isEmpty ? "without a token URL" : "grant '\(grant)'") is not supported; the request is imported without auth")
                return nil
            }
            add("grant", apishGrant)
            add("token_url", parameters["accessTokenUrl"])
            if apishGrant == "authorization_code" {
                add("authorize_url", parameters["authUrl"])
                add("redirect_uri", parameters["redirect_uri"] ?? parameters["callbackUrl"])
                add("pkce", grant == "authorization_code_with_pkce" ? "true" : "false")
            }
            add("client_id", parameters["clientId"])
            add("client_secret", parameters["clientSecret"], secret: true)
            add("scope", parameters["scope"])
            if parameters["client_authentication"] == "body" { add("client_auth", "body") }
            if apishGrant == "password" {
                add("username", parameters["username"])
                add("password", parameters["password"], secret: true)
            }
            if parameters["addTokenTo"] == "queryParams" { add("token_placement", "query") }
        }
        return settings
    }

    /// `{{name}}` as it is; any other value moves to a new secret variable.
    private mutating func secretReference(_ value: String, owner: String, key: String) -> String {
        if value.isEmpty || value.wholeMatch(of: #/\{\{[A-Za-z_][\w\-]*\}\}/#) != nil { return value }
        let name = NameSlug.unique(NameSlug.variable(owner) + "_" + key, in: &variableNames)
        secrets.append(ImportedVariable(key: name, value: value, isSecret: true))
        return "{{\(name)}}"
    }
}

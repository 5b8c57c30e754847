import HTTPExchange

/// A named way of authenticating, read from an environment's `[auth NAME]` section. The environment's
/// profile is the default for its requests; a request may name another (`--auth NAME`) or none.
public struct AuthProfile: Sendable, Equatable {
    public var name: String
    public var method: AuthMethod

    public init(name: String, method: AuthMethod) {
        self.name = name
        self.method = method
    }

    /// Parses the section's entries, `{{variables}}` already expanded and secrets resolved by the caller.
    /// The keys are listed and explained in `AuthSettingKey.all`; a key that does not belong to the
    /// profile's type is an error, so that typos surface at once.
    public init(name: String, settings: [String: String]) throws(AuthConfigurationError) {
        self.name = name
        guard let type = settings["type"]?.lowercased(), !type.isEmpty else { throw .missingType(profile: name) }
        guard ["basic", "bearer", "oauth1", "oauth2", "none"].contains(type) else {
            throw .unknownType(profile: name, type: type)
        }
        for key in settings.keys.sorted() {
            guard let known = AuthSettingKey.named(key), known.types.contains(type) else {
                let candidates = AuthSettingKey.all.filter { $0.types.contains(type) }.map(\.name)
                throw .unknownKey(profile: name, key: key, type: type, suggestion: EditDistance.closest(to: key, among: candidates))
            }
        }
        let reader = SettingsReader(profile: name, settings: settings)
        switch type {
        case "basic": method = .basic(try BasicSettings(reader))
        case "bearer": method = .bearer(try BearerSettings(reader))
        case "oauth1": method = .oauth1(try OAuth1Settings(reader))
        case "oauth2": method = .oauth2(try OAuth2Settings(reader))
        default: method = .none
        }
    }

    /// The profile `--auth none` selects.
    public static let none = AuthProfile(name: "none", method: .none)
}

public enum AuthMethod: Sendable, Equatable {
    case none
    case basic(BasicSettings)
    case bearer(BearerSettings)
    case oauth1(OAuth1Settings)
    case oauth2(OAuth2Settings)

    /// `basic`, `oauth2 client_credentials`…: how `auth show` and the prompt name it.
    public var displayName: String {
        switch self {
        case .none: "none"
        case .basic: "basic"
        case .bearer: "bearer"
        case .oauth1(let settings): "oauth1 \(settings.signatureMethod.rawValue)"
        case .oauth2(let settings): "oauth2 \(settings.grant.rawValue)"
        }
    }

    /// The settings values that are secret, to be masked wherever they could be shown.
    var secrets: [String] {
        switch self {
        case .none: []
        case .basic(let settings): [settings.password].compactMap { $0 }
        case .bearer(let settings): [settings.token].compactMap { $0 }
        case .oauth1(let settings):
            [settings.consumerSecret, settings.token?.secret, settings.token?.token, settings.privateKeyPEM]
                .compactMap { $0 }
        case .oauth2(let settings): [settings.clientSecret, settings.password].compactMap { $0 }
        }
    }
}

/// Typed access to settings with errors naming the profile and the key.
struct SettingsReader {
    let profile: String
    let settings: [String: String]

    func optional(_ key: String) -> String? {
        settings[key].flatMap { $0.isEmpty ? nil : $0 }
    }

    func required(_ key: String, _ why: String) throws(AuthConfigurationError) -> String {
        guard let value = optional(key) else { throw .missing(profile: profile, key: key, why: why) }
        return value
    }

    func choice<T>(_ key: String, default fallback: T, _ parse: (String) -> T?, expected: String) throws(AuthConfigurationError) -> T {
        guard let text = optional(key) else { return fallback }
        guard let value = parse(text) else {
            throw .invalidValue(profile: profile, key: key, value: text, expected: expected)
        }
        return value
    }

    func bool(_ key: String, default fallback: Bool) throws(AuthConfigurationError) -> Bool {
        try choice(key, default: fallback, { ["true": true, "yes": true, "on": true, "1": true,
                                              "false": false, "no": false, "off": false, "0": false][$0.lowercased()] },
                   expected: "true or false")
    }

    func url(_ key: String, _ why: String) throws(AuthConfigurationError) -> String {
        let value = try required(key, why)
        try checkURL(key, value)
        return value
    }

    func optionalURL(_ key: String) throws(AuthConfigurationError) -> String? {
        guard let value = optional(key) else { return nil }
        try checkURL(key, value)
        return value
    }

    private func checkURL(_ key: String, _ value: String) throws(AuthConfigurationError) {
        guard RequestURL.hasHTTPScheme(value) else {
            throw .invalidValue(profile: profile, key: key, value: value, expected: "an absolute http(s) URL")
        }
    }
}

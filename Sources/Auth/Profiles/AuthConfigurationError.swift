/// A profile's settings that cannot work, named precisely enough to fix with one `auth set`.
public enum AuthConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    case missingType(profile: String)
    case unknownType(profile: String, type: String)
    case missing(profile: String, key: String, why: String)
    case invalidValue(profile: String, key: String, value: String, expected: String)
    case unknownKey(profile: String, key: String, type: String, suggestion: String?)

    public var description: String {
        switch self {
        case .missingType(let profile):
            "auth profile '\(profile)' has no type: set type = basic, bearer, oauth1 or oauth2"
        case .unknownType(let profile, let type):
            "auth profile '\(profile)': unknown type '\(type)' (expected basic, bearer, oauth1, oauth2 or none)"
        case .missing(let profile, let key, let why):
            "auth profile '\(profile)' needs \(key): \(why)"
        case .invalidValue(let profile, let key, let value, let expected):
            "auth profile '\(profile)': \(key) = '\(value)' is not valid; expected \(expected)"
        case .unknownKey(let profile, let key, let type, let suggestion):
            "auth profile '\(profile)': '\(key)' is not a setting of \(type) profiles"
                + (suggestion.map { " (did you mean '\($0)'?)" } ?? "")
        }
    }
}

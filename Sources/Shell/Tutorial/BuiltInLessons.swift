/// The lessons that ship with apish, in the order a newcomer takes them. Their text is the
/// repository's `Sources/Shell/Tutorial/Lessons/*.lesson`, built into the binary.
public enum BuiltInLessons {
    public static let names = ["basic", "mautic-traps", "client-credentials", "oauth2-pkce", "refresh", "device", "oauth1"]

    public static func text(of name: String) -> String? {
        let bytes: [UInt8]? = switch name {
        case "basic": PackageResources.basic_lesson
        case "mautic-traps": PackageResources.mautic_traps_lesson
        case "client-credentials": PackageResources.client_credentials_lesson
        case "oauth2-pkce": PackageResources.oauth2_pkce_lesson
        case "refresh": PackageResources.refresh_lesson
        case "device": PackageResources.device_lesson
        case "oauth1": PackageResources.oauth1_lesson
        default: nil
        }
        return bytes.map { String(decoding: $0, as: UTF8.self) }
    }

    public static func lesson(named name: String) throws(Lesson.ParseError) -> Lesson? {
        guard let text = text(of: name) else { return nil }
        return try Lesson(name: name, text: text)
    }

    static func next(after name: String) -> String? {
        guard let index = names.firstIndex(of: name), index + 1 < names.count else { return nil }
        return names[index + 1]
    }
}

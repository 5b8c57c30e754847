import Hurl

/// A file an import produces, relative to the folder the person chose; the caller writes it
/// (atomically), so that an import that fails writes nothing.
public struct ImportedFile: Sendable, Equatable {
    /// `/`-separated, ending in `.hurl`.
    public var path: String
    public var hurl: HurlFile
    public var text: String { HurlWriter.write(hurl) }

    public init(path: String, hurl: HurlFile) {
        self.path = path
        self.hurl = hurl
    }
}

/// An environment variable an import produces. A secret's value belongs in the per-user state
/// folder, never in the environment file.
public struct ImportedVariable: Sendable, Equatable {
    public var key: String
    public var value: String
    public var isSecret: Bool

    public init(key: String, value: String, isSecret: Bool) {
        self.key = key
        self.value = value
        self.isSecret = isSecret
    }
}

/// An `[auth NAME]` section: settings as in `AuthSettingKey` (type, username, client_id, …), secrets
/// referenced as `{{variable}}` so that their values stay out of the file.
public struct ImportedAuthProfile: Sendable, Equatable {
    public var name: String
    /// In a stable, readable order (type first).
    public var settings: [(key: String, value: String)]

    public init(name: String, settings: [(key: String, value: String)]) {
        self.name = name
        self.settings = settings
    }

    public var settingsDictionary: [String: String] {
        Dictionary(settings.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last })
    }

    public static func == (lhs: ImportedAuthProfile, rhs: ImportedAuthProfile) -> Bool {
        lhs.name == rhs.name && lhs.settings.map(\.key) == rhs.settings.map(\.key) && lhs.settings.map(\.value) == rhs.settings.map(\.value)
    }
}

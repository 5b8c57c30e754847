/// Everything a Postman collection becomes: Hurl files, an environment (variables and auth
/// profiles) and the warnings to show at the end.
public struct PostmanImport: Sendable, Equatable {
    public var name: String
    /// `v2.0.0` or `v2.1.0`.
    public var schemaVersion: String
    public var files: [ImportedFile]
    public var variables: [ImportedVariable]
    public var authProfiles: [ImportedAuthProfile]
    /// One line per thing not converted (a script kept as a comment, an auth type apish lacks, …).
    public var warnings: [String]

    public init(name: String, schemaVersion: String, files: [ImportedFile] = [], variables: [ImportedVariable] = [],
                authProfiles: [ImportedAuthProfile] = [], warnings: [String] = []) {
        self.name = name
        self.schemaVersion = schemaVersion
        self.files = files
        self.variables = variables
        self.authProfiles = authProfiles
        self.warnings = warnings
    }

    /// Every request, in collection order.
    public var requestCount: Int { files.reduce(0) { $0 + $1.hurl.entries.count } }
}

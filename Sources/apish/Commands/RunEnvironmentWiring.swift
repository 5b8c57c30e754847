import Runner

/// Where `apish run --env NAME` meets the workspace: loading the named environment sets the base
/// URL, its variables and secrets, and the authorizer for `# @auth` profiles on the configuration.
/// The workspace and auth modules connect here; until they do, naming an environment is an error
/// rather than a silent run without it.
enum RunEnvironmentWiring {
    struct Unavailable: Error, CustomStringConvertible {
        let name: String
        var description: String { "environment '\(name)': environments are not available to 'apish run' in this build" }
    }

    static func apply(environment name: String, to configuration: inout RunConfiguration) throws {
        throw Unavailable(name: name)
    }
}

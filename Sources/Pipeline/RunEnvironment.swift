import HTTPExchange
import Runner
import Workspace

/// What an environment gives a run of collections, the same for `apish run --env NAME` and the shell's
/// `run`: its variables (secrets marked), its baseUrl for relative URLs, and its auth profiles for the
/// entries that name one (`# @auth NAME`) or for all with `--auth NAME`.
public enum RunEnvironment {
    /// - Parameters:
    ///   - variables: what `{{name}}` expands to; the shell passes its own, with the run's variables over
    ///     the environment's.
    ///   - authProfile: `--auth NAME`: the profile for entries that name none and carry no
    ///     Authorization header. Naming it is consent, so it signs whatever origin they go to.
    public static func apply(
        _ environment: ResolvedEnvironment, variables: Variables, registry: AuthRegistry, authProfile: String?,
        to configuration: inout RunConfiguration
    ) {
        for name in variables.names where configuration.variables[name] == nil {
            // Environment values are text, as in the shell; `--variable` keeps Hurl's typing.
            if let value = variables.value(of: name) { configuration.variables[name] = .string(value) }
        }
        // Declared secrets are secret whatever gives them a value, `--variable` included.
        configuration.secretNames.formUnion(variables.secretNames.union(environment.missingSecrets))
        for name in environment.missingSecrets where configuration.variables[name] == nil {
            configuration.missingVariableHints[name] = "secret '\(name)' of environment '\(environment.name)' has no value: "
                + "`apish --env \(environment.name) -c 'env secret \(name)'` stores one, or give it with --variable \(name)=VALUE"
        }
        registry.secrets.register(contentsOf: variables.secretValues + registry.secretValues(in: environment))
        configuration.secrets = registry.secrets
        if configuration.baseURL == nil { configuration.baseURL = variables.value(of: "baseUrl") }
        configuration.authProfiles = EnvironmentProfiles(registry: registry, environment: environment, variables: variables)
        configuration.authPolicy = AuthPolicy(defaultProfile: authProfile)
    }
}

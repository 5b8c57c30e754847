import Foundation
import Runner
import Shell
import HTTPExchange
import Workspace

/// Gives `apish run --env NAME` what the shell has: the environment's variables (secrets resolved and
/// masked), its baseUrl for relative URLs, and its auth profiles.
enum RunEnvironmentWiring {
    /// - Parameter sender: sends the auth flows' token requests (the run's own transport).
    static func apply(environment name: String, to configuration: inout RunConfiguration, sender: any HTTPSending) throws {
        let workspace = Workspace.current()
        let resolved = try workspace.variables(environment: name)
        for variableName in resolved.variables.names where configuration.variables[variableName] == nil {
            if let value = resolved.variables.value(of: variableName) {
                // Environment values are text, as in the shell; `--variable` keeps Hurl's typing.
                configuration.variables[variableName] = .string(value)
            }
        }
        configuration.secretNames.formUnion(resolved.variables.secretNames)
        configuration.secretValues += resolved.variables.secretValues
        if configuration.baseURL == nil { configuration.baseURL = resolved.baseURL }
        let registry = AuthRegistry(
            workspace: workspace, sender: sender,
            processEnvironment: ProcessInfo.processInfo.environment)
        configuration.secretValues += registry.secretValues(in: resolved)
        configuration.authorizer = EnvironmentAuthorizer(registry: registry, environment: resolved)
    }
}

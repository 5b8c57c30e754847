import ArgumentParser
import Sandbox
import Shell
import Workspace

/// The workspace's `sandbox` environment and the sandbox that serves it: the server's demo credentials
/// become the environment's secrets (state folder, 0600), so the shell, `apish run --env sandbox` and
/// the collections in collections/mautic use the server that is running, with nothing to type.
enum SandboxEnvironment {
    /// - Parameter creatingEnvironment: write `environments/sandbox.env` when the workspace has none
    ///   (`apish demo`); otherwise a workspace without it is left alone.
    /// - Returns: whether the secrets were stored.
    @discardableResult
    static func storeSecrets(_ credentials: SandboxCredentials, in workspace: Workspace, creatingEnvironment: Bool) throws -> Bool {
        let codeClient = credentials.oauth2Clients.first { $0.grantTypes.contains("authorization_code") }
        let serviceClient = credentials.oauth2Clients.first { $0.grantTypes.contains("client_credentials") }
        guard let admin = credentials.user(named: "admin") ?? credentials.users.first, let codeClient, let serviceClient,
            let consumer = credentials.oauth1Consumers.first
        else { throw ValidationError("the sandbox's credentials lack a user, an OAuth 2 client or an OAuth 1 consumer") }
        if !workspace.environmentExists(DemoEnvironment.name) {
            guard creatingEnvironment else { return false }
            let text = DemoEnvironment.text(
                oauth2ClientID: codeClient.clientID, serviceClientID: serviceClient.clientID, oauth1ConsumerKey: consumer.consumerKey)
            try AtomicFile.write(text, to: workspace.environmentPath(DemoEnvironment.name))
        }
        let secrets = DemoEnvironment.secrets(
            password: admin.password, oauth2ClientSecret: codeClient.clientSecret,
            serviceClientSecret: serviceClient.clientSecret, oauth1ConsumerSecret: consumer.consumerSecret)
        for (name, value) in secrets {
            try workspace.setSecret(environment: DemoEnvironment.name, name: name, value: value)
        }
        return true
    }
}

import Foundation
import Sandbox
import Shell
import TestSupport
import Testing
import Workspace

@Suite struct DemoEnvironmentTests {
    @Test func theCommittedSandboxEnvironmentIsWhatTheDemoWrites() throws {
        let demo = SandboxCredentials.demo
        let generated = DemoEnvironment.text(
            oauth2ClientID: try #require(demo.oauth2Clients.first { $0.grantTypes.contains("authorization_code") }).clientID,
            serviceClientID: try #require(demo.oauth2Clients.first { $0.grantTypes.contains("client_credentials") }).clientID,
            oauth1ConsumerKey: try #require(demo.oauth1Consumers.first).consumerKey)
        let committed = try String(contentsOf: PackagePaths.root.appendingPathComponent("environments/sandbox.env"), encoding: .utf8)
        #expect(generated == committed)
        let document = try EnvironmentDocument(parsing: committed, fileName: "sandbox.env")
        #expect(document.sections.map(\.name) == ["basic", "oauth2", "device", "service", "mautic-oauth1"])
        let secretNames = document.entries().filter(\.isSecret).map(\.key)
        #expect(secretNames == ["password", "oauth2_client_secret", "service_client_secret", "oauth1_consumer_secret"])
        let stored = DemoEnvironment.secrets(password: "p", oauth2ClientSecret: "o", serviceClientSecret: "s", oauth1ConsumerSecret: "c")
        #expect(stored.map(\.0) == secretNames, "the demo gives every secret of the environment a value")
        #expect(document.sections.allSatisfy { document.entries(in: $0).allSatisfy { !$0.isSecret } },
                "the profiles take their secrets from the top-level ones")
    }
}

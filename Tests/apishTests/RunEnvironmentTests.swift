import Foundation
import TestSupport
import Testing

/// What `apish run --env NAME` takes from an environment, and what it says when something is missing.
@Suite struct RunEnvironmentTests {
    @Test func aSecretWithoutAValueSaysHowToGiveOne() throws {
        let fixture = try ShellFixture()
        try fixture.write("baseUrl = http://127.0.0.1:9\nsecret password\n", to: "environments/ci.env")
        try fixture.write("GET {{baseUrl}}/x?p={{password}}\nHTTP 200\n", to: "collections/needs.hurl")
        let run = try fixture.apish(["run", "collections/needs.hurl", "--env", "ci"])
        #expect(run.status == 3)
        #expect(run.stderr.contains("secret 'password' of environment 'ci' has no value"), "\(run.stderr)")
        #expect(run.stderr.contains("--variable password=VALUE"))
        let given = try fixture.apish(["run", "collections/needs.hurl", "--env", "ci", "--variable", "password=s3cr3t-pw"])
        #expect(!given.stderr.contains("has no value"))
        #expect(!(given.stdout + given.stderr).contains("s3cr3t-pw"), "a --variable that the environment declares secret is masked")
    }
}

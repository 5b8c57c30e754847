import JSON
import Testing
@testable import Sandbox

@Suite("API authentication: Basic and bearer tokens")
struct BasicAndBearerTests {
    let sandbox = SandboxHarness(configuration: SandboxConfiguration(tokenTTL: 60))

    @Test func noCredentialsIsAccessDenied() async throws {
        let response = await sandbox.send("GET", "/api/contacts", as: .none)
        #expect(response.status == 401)
        #expect(response.bodyText == #"{"errors":[{"message":"API authorization denied.","code":401,"type":"access_denied"}]}"#)
    }

    @Test func wrongBasicPasswordHasMauticsMessage() async throws {
        let response = await sandbox.send("GET", "/api/contacts", as: .basic("admin", "wrong"))
        #expect(response.status == 401)
        #expect(try response.mauticError().message == "Authorization denied, invalid credentials.")
        let unreadable = await sandbox.send("GET", "/api/contacts", as: .header("Basic %%%"))
        #expect(unreadable.status == 401)
    }

    @Test func clientCredentialsTokenShapeAndUse() async throws {
        let response = await sandbox.send(
            "POST", "/oauth/v2/token",
            form: "grant_type=client_credentials&client_id=2_demo-service-client&client_secret=demo-service-secret", as: .none)
        #expect(response.status == 200)
        #expect(response.header("Cache-Control") == "no-store")
        let body = try response.json()
        #expect(body.objectValue?.keys == ["access_token", "expires_in", "token_type", "scope"], "no refresh token for client_credentials")
        #expect(body["expires_in"] == .number(JSONNumber(60)))
        #expect(body["token_type"] == .string("bearer"))
        #expect(body["scope"] == .null)
        let token = try #require(body["access_token"]?.stringValue)
        #expect(await sandbox.send("GET", "/api/users/self", as: .bearer(token)).status == 200)
        #expect(await sandbox.send("GET", "/api/contacts?access_token=\(token)", as: .none).status == 200)
        #expect(await sandbox.send("POST", "/api/contacts/new", form: "access_token=\(token)&firstname=Body", as: .none).status == 201)
    }

    @Test func clientAuthenticationByBasicHeader() async throws {
        let response = await sandbox.send(
            "GET", "/oauth/v2/token?grant_type=client_credentials",
            as: .basic("2_demo-service-client", "demo-service-secret"))
        #expect(response.status == 200, "\(response.bodyText)")
    }

    @Test func moreThanOneTokenIsInvalidRequest() async throws {
        let token = try await sandbox.serviceToken()
        let response = await sandbox.send("GET", "/api/contacts?access_token=\(token)", as: .bearer(token))
        #expect(response.status == 400)
        #expect(try response.mauticError().type == "invalid_request")
    }

    @Test func unknownAndExpiredTokens() async throws {
        let unknown = await sandbox.send("GET", "/api/contacts", as: .bearer("nope"))
        #expect(unknown.status == 401)
        #expect(unknown.bodyText == #"{"errors":[{"message":"The access token provided is invalid.","code":401,"type":"invalid_grant"}]}"#)
        let token = try await sandbox.serviceToken()
        sandbox.clock.advance(61)
        let expired = await sandbox.send("GET", "/api/contacts", as: .bearer(token))
        #expect(expired.status == 401)
        #expect(try expired.mauticError().message == "The access token provided has expired.")
    }

    @Test func tokenEndpointErrors() async throws {
        let badSecret = await sandbox.send(
            "POST", "/oauth/v2/token", form: "grant_type=client_credentials&client_id=2_demo-service-client&client_secret=x", as: .none)
        #expect(badSecret.status == 400)
        #expect(badSecret.bodyText == #"{"errors":[{"message":"The client credentials are invalid","code":400,"type":"invalid_client"}]}"#)
        let noGrant = await sandbox.send("POST", "/oauth/v2/token", form: "client_id=2_demo-service-client", as: .none)
        #expect(try noGrant.mauticError().type == "invalid_request")
        let notAllowed = await sandbox.send(
            "POST", "/oauth/v2/token",
            form: "grant_type=client_credentials&client_id=1_demo-oauth2-client&client_secret=demo-oauth2-secret", as: .none)
        #expect(try notAllowed.mauticError().type == "unauthorized_client")
        let unsupported = await sandbox.send(
            "POST", "/oauth/v2/token",
            form: "grant_type=password&client_id=1_demo-oauth2-client&client_secret=demo-oauth2-secret", as: .none)
        #expect(try unsupported.mauticError().type == "unsupported_grant_type")
    }
}

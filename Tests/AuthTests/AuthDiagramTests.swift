import Foundation
import HTTPExchange
import Testing
@testable import Auth

/// `auth diagram`'s three renderings of each kind of flow, compared with the files in `diagrams/`.
/// The records are made the way a login makes them — real requests and answers through the recorder —
/// from fixed values, so every secret in them must come out masked.
@Suite struct AuthDiagramTests {
    static let base = "http://127.0.0.1:8181"
    static let secrets = [
        "cs-consumer-secret", "tmp-token-1", "tmp-secret-1", "verifier-1", "acc-token-1", "acc-secret-1", "client-secret-1",
        "code-1", "pkce-verifier-0123456789-0123456789-0123456789", "at-1", "rt-1", "rt-2", "at-2", "dev-code-1",
    ]

    static func response(_ status: Int, _ body: String, type: String) -> HTTPResponse {
        HTTPResponse(version: "HTTP/1.1", status: status, reason: "", headers: ["Content-Type": type], body: Array(body.utf8),
                     url: "", elapsed: .zero)
    }

    static func form(_ url: String, _ fields: [(String, String)]) -> HTTPRequest {
        HTTPRequest(method: "POST", url: url, headers: ["Accept": "application/json"],
                    body: .form(fields.map { FormField(name: $0.0, value: $0.1) }))
    }

    static func record(_ flow: String) async throws -> AuthFlowRecord {
        let recorder = AuthFlowRecorder(secrets: ["cs-consumer-secret", "client-secret-1"], stepper: nil)
        let json = "application/json"
        var settings: [String: String] = [
            "type": "oauth2", "token_url": "\(base)/oauth/v2/token", "client_id": "1_demo", "client_secret": "client-secret-1",
            "client_auth": "body",
        ]
        var trigger = "auth login \(flow)"
        switch flow {
        case "oauth1":
            settings = [
                "type": "oauth1", "consumer_key": "ck-demo", "consumer_secret": "cs-consumer-secret",
                "request_token_url": "\(base)/oauth/v1/request_token", "authorize_url": "\(base)/oauth/v1/authorize",
                "access_token_url": "\(base)/oauth/v1/access_token", "callback": "http://127.0.0.1:8766/callback",
            ]
            let signer = OAuth1RequestSigner(consumerKey: "ck-demo", consumerSecret: "cs-consumer-secret")
            let post = HTTPRequest(method: "POST", url: "\(base)/oauth/v1/request_token", headers: ["Accept": "application/x-www-form-urlencoded"])
            let temporary = try signer.sign(post, token: nil, extra: [("oauth_callback", "http://127.0.0.1:8766/callback")],
                                            nonce: "nonce1", timestamp: 1_764_500_000).request
            try await recorder.willSend(.temporaryCredentials, temporary)
            recorder.received(.temporaryCredentials, response(200, "oauth_token=tmp-token-1&oauth_token_secret=tmp-secret-1&oauth_callback_confirmed=true",
                                                              type: "application/x-www-form-urlencoded"))
            try await recorder.willOpen(.resourceOwnerAuthorization, url: "\(base)/oauth/v1/authorize?oauth_token=tmp-token-1")
            recorder.redirected(.callback, parameters: [("oauth_token", "tmp-token-1"), ("oauth_verifier", "verifier-1")])
            var access = post
            access.url = "\(base)/oauth/v1/access_token"
            let signed = try signer.sign(access, token: OAuth1Token(token: "tmp-token-1", secret: "tmp-secret-1"),
                                         extra: [("oauth_verifier", "verifier-1")], nonce: "nonce2", timestamp: 1_764_500_030).request
            try await recorder.willSend(.tokenCredentials, signed)
            recorder.received(.tokenCredentials, response(200, "oauth_token=acc-token-1&oauth_token_secret=acc-secret-1",
                                                          type: "application/x-www-form-urlencoded"))
        case "oauth2-code":
            settings["authorize_url"] = "\(base)/oauth/v2/authorize"
            settings["redirect_uri"] = "http://127.0.0.1:8765/callback"
            let request = AuthorizationRequest(
                settings: try Self.oauth2Settings(settings), state: "state-1", codeVerifier: "pkce-verifier-0123456789-0123456789-0123456789")
            try await recorder.willOpen(.authorizationRequest, url: request.url)
            recorder.redirected(.authorizationResponse, parameters: [("code", "code-1"), ("state", "state-1")])
            try await recorder.willSend(.codeExchange, form("\(base)/oauth/v2/token", [
                ("grant_type", "authorization_code"), ("code", "code-1"), ("redirect_uri", "http://127.0.0.1:8765/callback"),
                ("code_verifier", "pkce-verifier-0123456789-0123456789-0123456789"), ("client_id", "1_demo"), ("client_secret", "client-secret-1"),
            ]))
            recorder.received(.codeExchange, response(200, #"{"access_token":"at-1","expires_in":3600,"token_type":"bearer","scope":null,"refresh_token":"rt-1"}"#, type: json))
        case "client-credentials":
            settings["grant"] = "client_credentials"
            trigger = "a request that needs a token"
            try await recorder.willSend(.clientCredentials, form("\(base)/oauth/v2/token", [
                ("grant_type", "client_credentials"), ("client_id", "1_demo"), ("client_secret", "client-secret-1"),
            ]))
            recorder.received(.clientCredentials, response(200, #"{"access_token":"at-1","expires_in":3600,"token_type":"bearer"}"#, type: json))
        case "device":
            settings["grant"] = "device_code"
            settings["device_authorization_url"] = "\(base)/oauth/v2/device_authorization"
            settings["scope"] = "openid"
            try await recorder.willSend(.deviceAuthorization, form("\(base)/oauth/v2/device_authorization", [
                ("scope", "openid"), ("client_id", "1_demo"), ("client_secret", "client-secret-1"),
            ]))
            recorder.received(.deviceAuthorization, response(200, #"{"device_code":"dev-code-1","user_code":"WDJB-MJHT","verification_uri":"\#(base)/oauth/v2/device","expires_in":600,"interval":5}"#, type: json))
            try await recorder.willOpen(.userCode, url: "\(base)/oauth/v2/device?user_code=WDJB-MJHT")
            let poll = form("\(base)/oauth/v2/token", [
                ("grant_type", DeviceCodeGrant.grantType), ("device_code", "dev-code-1"), ("client_id", "1_demo"), ("client_secret", "client-secret-1"),
            ])
            try await recorder.willSend(.devicePoll, poll)
            recorder.received(.devicePoll, response(400, #"{"error":"authorization_pending"}"#, type: json))
            try await recorder.willSend(.devicePoll, poll)
            recorder.received(.devicePoll, response(200, #"{"access_token":"at-1","expires_in":3600,"token_type":"bearer","refresh_token":"rt-1"}"#, type: json))
        case "refresh":
            settings["authorize_url"] = "\(base)/oauth/v2/authorize"
            settings["redirect_uri"] = "http://127.0.0.1:8765/callback"
            trigger = "auth refresh \(flow)"
            try await recorder.willSend(.refresh, form("\(base)/oauth/v2/token", [
                ("grant_type", "refresh_token"), ("refresh_token", "rt-1"), ("client_id", "1_demo"), ("client_secret", "client-secret-1"),
            ]))
            recorder.received(.refresh, response(200, #"{"access_token":"at-2","expires_in":3600,"token_type":"bearer","refresh_token":"rt-2"}"#, type: json))
        default:
            Issue.record("no flow \(flow)")
        }
        return AuthFlowRecord(profile: try AuthProfile(name: flow, settings: settings), trigger: trigger, legs: recorder.legs)
    }

    static func oauth2Settings(_ settings: [String: String]) throws -> OAuth2Settings {
        guard case .oauth2(let oauth2) = try AuthProfile(name: "p", settings: settings).method else { throw AuthError.notApplicable("not oauth2") }
        return oauth2
    }

    static let flows = ["oauth1", "oauth2-code", "client-credentials", "device", "refresh"]
    static let renderings: [(String, @Sendable (AuthFlowRecord) -> String)] = [
        ("txt", TerminalSequenceDiagram.render), ("mmd", MermaidSequenceDiagram.render), ("svg", SVGSequenceDiagram.render),
    ]

    @Test("each flow draws as its golden file in the terminal, in Mermaid and in SVG", arguments: flows)
    func drawings(flow: String) async throws {
        let record = try await Self.record(flow)
        for (suffix, render) in Self.renderings {
            let drawn = render(record)
            for secret in Self.secrets {
                #expect(!drawn.contains(secret), "\(flow).\(suffix) shows \(secret)")
            }
            let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("diagrams/\(flow).\(suffix)")
            let expected = try? String(contentsOf: golden, encoding: .utf8)
            if drawn != expected {
                let actual = FileManager.default.temporaryDirectory.appendingPathComponent("\(flow).\(suffix)")
                try drawn.write(to: actual, atomically: true, encoding: .utf8)
                Issue.record("\(flow).\(suffix) differs from diagrams/\(flow).\(suffix); drawn: \(actual.path)")
            }
        }
    }

    @Test func aRecordNumbersItsLegsAndEndsWithTheUseOfTheToken() async throws {
        let record = try await Self.record("oauth2-code")
        #expect(record.sections.map(\.heading) == [
            nil, "1. authorization request (RFC 6749 §4.1.1, RFC 7636 §4.2–4.3)", "2. redirect (RFC 6749 §4.1.2)",
            "3. code exchange (RFC 6749 §4.1.3, RFC 7636 §4.5)", "then: every API request (RFC 6750 §2.1)",
        ])
        #expect(record.participants == [.you, .apish, .browser, .server, .api])
        let exchange = try #require(record.legs.last?.messages)
        #expect(exchange[0].details.contains("  code=••••••"))
        #expect(exchange[0].details.contains("  redirect_uri=http://127.0.0.1:8765/callback"))
        #expect(exchange[1].details == ["access_token=••••••", "expires_in=3600", "token_type=bearer", "refresh_token=••••••"])
    }

    @Test func mermaidTextEscapesWhatItWouldReadAsSyntax() {
        #expect(MermaidSequenceDiagram.escape("a;b #c <d>") == "a#59;b #35;c #60;d#62;")
    }
}

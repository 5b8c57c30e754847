import Auth
import HTTPExchange
import Testing

@Suite struct OAuth1RequestSignerTests {
    let signer = OAuth1RequestSigner(consumerKey: "dpf43f3p2l4k3l03", consumerSecret: "kd94hf93k423kf44")
    let token = OAuth1Token(token: "nnch734d00sl2jdk", secret: "pfkkdhi9sl3r4s00")

    // RFC 5849 §1.2's resource request, but with oauth_version, which the RFC's example leaves out.
    @Test func signsAGetIntoTheAuthorizationHeader() throws {
        let request = HTTPRequest(method: "GET", url: "http://photos.example.net/photos?file=vacation.jpg&size=original")
        let (signed, report) = try signer.sign(request, token: token, nonce: "chapoH", timestamp: 137131202)
        #expect(report.baseString.hasPrefix("GET&http%3A%2F%2Fphotos.example.net%2Fphotos&file%3Dvacation.jpg%26oauth_consumer_key"))
        #expect(report.baseString.contains("oauth_version%3D1.0"))
        let header = try #require(signed.headers["Authorization"])
        let parameters = try #require(OAuth1AuthorizationHeader.parse(header))
        let signature = try #require(parameters.first { $0.0 == "oauth_signature" }?.1)
        #expect(try OAuth1Signature.verify(signature: signature, baseString: report.baseString, method: .hmacSHA1,
                                           consumerSecret: "kd94hf93k423kf44", tokenSecret: "pfkkdhi9sl3r4s00"))
        #expect(signed.url == request.url)
        #expect(report.collected.filter { $0.source == "query" }.map(\.name) == ["file", "size"])
    }

    @Test func signsFormBodiesButNotJSON() throws {
        let form = HTTPRequest(method: "POST", url: "http://x.test/a", body: .form([FormField(name: "c2", value: ""), FormField(name: "a3", value: "2 q")]))
        let (_, formReport) = try signer.sign(form, token: nil, nonce: "n", timestamp: 1)
        #expect(formReport.normalized.hasPrefix("a3=2%20q&c2=&oauth_consumer_key"))
        let json = HTTPRequest(method: "POST", url: "http://x.test/a", headers: ["Content-Type": "application/json"],
                               body: .bytes(Array(#"{"a":1}"#.utf8)))
        let (_, jsonReport) = try signer.sign(json, token: nil, nonce: "n", timestamp: 1)
        #expect(jsonReport.normalized.hasPrefix("oauth_consumer_key"))
        let rawForm = HTTPRequest(method: "POST", url: "http://x.test/a",
                                  headers: ["Content-Type": "application/x-www-form-urlencoded"], body: .bytes(Array("a3=2+q".utf8)))
        let (_, rawReport) = try signer.sign(rawForm, token: nil, nonce: "n", timestamp: 1)
        #expect(rawReport.normalized.hasPrefix("a3=2%20q&oauth"))
    }

    @Test func placesParametersInTheQueryOrTheBody() throws {
        var querySigner = signer
        querySigner.placement = .query
        let (inQuery, _) = try querySigner.sign(HTTPRequest(method: "GET", url: "http://x.test/a?b=1"), token: token, nonce: "n", timestamp: 1)
        #expect(inQuery.url.hasPrefix("http://x.test/a?b=1&oauth_consumer_key=dpf43f3p2l4k3l03&"))
        #expect(inQuery.url.contains("oauth_signature=") && inQuery.headers["Authorization"] == nil)

        var bodySigner = signer
        bodySigner.placement = .body
        let (inBody, _) = try bodySigner.sign(HTTPRequest(method: "POST", url: "http://x.test/a"), token: token, nonce: "n", timestamp: 1)
        guard case .form(let fields) = inBody.body else { Issue.record("no form body"); return }
        #expect(fields.map(\.name).contains("oauth_signature"))
        #expect(throws: OAuth1SignatureError.placementNeedsFormBody) {
            try bodySigner.sign(HTTPRequest(method: "POST", url: "http://x.test/a", body: .bytes([1])), token: token, nonce: "n", timestamp: 1)
        }
    }

    @Test func noncesAreFreshAndAlphanumeric() {
        let nonces = (0..<100).map { _ in OAuth1Nonce.make() }
        #expect(Set(nonces).count == 100)
        #expect(nonces.allSatisfy { $0.count == 24 && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } })
    }
}

import Auth
import Testing

@Suite struct OAuth1SignatureTests {
    // RFC 5849 §3.4.1.1: the request of the worked example, its base string and (from oauthlib) signatures.
    static let exampleParameters: [(String, String)] = [
        ("b5", "=%3D"), ("a3", "a"), ("c@", ""), ("a2", "r b"),
        ("c2", ""), ("a3", "2 q"),
        ("oauth_consumer_key", "9djdj82h48djs9d2"), ("oauth_token", "kkk9d7dh3k39sjv7"),
        ("oauth_signature_method", "HMAC-SHA1"), ("oauth_timestamp", "137131201"), ("oauth_nonce", "7d8f3e4a"),
    ]
    static let exampleBaseString =
        "POST&http%3A%2F%2Fexample.com%2Frequest&a2%3Dr%2520b%26a3%3D2%2520q%26a3%3Da%26b5%3D%253D%25253D%26c%2540%3D%26c2%3D%26oauth_consumer_key%3D9djdj82h48djs9d2%26oauth_nonce%3D7d8f3e4a%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D137131201%26oauth_token%3Dkkk9d7dh3k39sjv7"

    @Test func rfc5849Section341BaseString() {
        let base = OAuth1Signature.baseString(
            method: "post", url: "http://example.com/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b",
            parameters: Self.exampleParameters)
        #expect(base == Self.exampleBaseString)
    }

    @Test func oauthSignatureIsNeverSigned() {
        let base = OAuth1Signature.baseString(
            method: "POST", url: "http://example.com/request",
            parameters: Self.exampleParameters + [("oauth_signature", "x")])
        #expect(base == Self.exampleBaseString)
    }

    @Test(arguments: [
        ("http://EXAMPLE.COM:80/r%20v/X?id=123", "http://example.com/r%20v/X"),
        ("https://www.example.net:8080/?q=1", "https://www.example.net:8080/"),
        ("https://example.net:443", "https://example.net/"),
        ("HTTP://Example.com/Path#frag", "http://example.com/Path"),
    ])
    func baseStringURI(url: String, expected: String) {
        #expect(OAuth1Signature.baseStringURI(url) == expected)
    }

    @Test func hmacSignaturesOfTheExample() throws {
        func sign(_ method: OAuth1SignatureMethod) throws -> String {
            try OAuth1Signature.sign(
                baseString: Self.exampleBaseString, method: method, consumerSecret: "j49sk3j29djd",
                tokenSecret: "dh893hdasih9")
        }
        #expect(try sign(.hmacSHA1) == "r6/TJjbCOr97/+UU0NsvSne7s5g=")
        #expect(try sign(.hmacSHA256) == "lIfydhbOitvsm4DvUwgM0NdR1Mzd08HnXI+q+EG0QKo=")
        #expect(
            try sign(.hmacSHA512)
                == "RKWkyty/iIQv+x55z7Y5GbLshaBePNBOxQ4ff7HBEDx1Tqd7XmyvZ7ymqcr8tg1VQPsoJhslOowtfjTdhTBnnQ==")
    }

    // RFC 5849 §1.2: the three requests of the photo-printing example.
    @Test func rfc5849Section12Example() throws {
        let consumer = [("oauth_consumer_key", "dpf43f3p2l4k3l03"), ("oauth_signature_method", "HMAC-SHA1")]
        let cases: [(String, String, [(String, String)], String, String)] = [
            ("POST", "https://photos.example.net/initiate",
             consumer + [("oauth_timestamp", "137131200"), ("oauth_nonce", "wIjqoS"),
                         ("oauth_callback", "http://printer.example.com/ready")],
             "", "74KNZJeDHnMBp0EMJ9ZHt/XKycU="),
            ("POST", "https://photos.example.net/token",
             consumer + [("oauth_token", "hh5s93j4hdidpola"), ("oauth_timestamp", "137131201"),
                         ("oauth_nonce", "walatlh"), ("oauth_verifier", "hfdp7dh39dks9884")],
             "hdhd0244k9j7ao03", "gKgrFCywp7rO0OXSjdot/IHF7IU="),
            ("GET", "http://photos.example.net/photos?file=vacation.jpg&size=original",
             consumer + [("file", "vacation.jpg"), ("size", "original"), ("oauth_token", "nnch734d00sl2jdk"),
                         ("oauth_timestamp", "137131202"), ("oauth_nonce", "chapoH")],
             "pfkkdhi9sl3r4s00", "MdpQcU8iPSUjWoN/UDMsK2sui9I="),
        ]
        for (method, url, parameters, tokenSecret, expected) in cases {
            let base = OAuth1Signature.baseString(method: method, url: url, parameters: parameters)
            let signature = try OAuth1Signature.sign(
                baseString: base, method: .hmacSHA1, consumerSecret: "kd94hf93k423kf44", tokenSecret: tokenSecret)
            #expect(signature == expected, "\(method) \(url)")
            #expect(try OAuth1Signature.verify(
                signature: expected, baseString: base, method: .hmacSHA1, consumerSecret: "kd94hf93k423kf44",
                tokenSecret: tokenSecret))
        }
    }

    @Test func plaintextIsTheEncodedKey() throws {
        let signature = try OAuth1Signature.sign(
            baseString: "ignored", method: .plaintext, consumerSecret: "s&cret", tokenSecret: "t~k n")
        #expect(signature == "s%26cret&t~k%20n")
        #expect(try OAuth1Signature.verify(
            signature: "s%26cret&t~k%20n", baseString: "other", method: .plaintext, consumerSecret: "s&cret",
            tokenSecret: "t~k n"))
        #expect(try !OAuth1Signature.verify(
            signature: "s%26cret&", baseString: "other", method: .plaintext, consumerSecret: "s&cret",
            tokenSecret: "t~k n"))
    }

    @Test func tamperedHMACSignatureIsRejected() throws {
        #expect(try !OAuth1Signature.verify(
            signature: "r6/TJjbCOr97/+UU0NsvSne7s5h=", baseString: Self.exampleBaseString, method: .hmacSHA1,
            consumerSecret: "j49sk3j29djd", tokenSecret: "dh893hdasih9"))
        #expect(try !OAuth1Signature.verify(
            signature: "r6/TJjbCOr97/+UU0NsvSne7s5g=", baseString: Self.exampleBaseString, method: .hmacSHA1,
            consumerSecret: "j49sk3j29djd", tokenSecret: "wrong"))
    }

    @Test func rsaSignaturesMatchOpenSSLAndVerify() throws {
        let base = "GET&http%3A%2F%2Fexample.com%2F&a%3D1"
        let expectations: [(OAuth1SignatureMethod, String)] = [
            (.rsaSHA1, "PbtTlGD0gFhIQRzgvtflO5O1Zq/IUMm9/4EWHux2zgk0siYp3EqJ2AQNulOAOl/h+Mj1HfYinOFKoc/wF5uXK0TAZdSqVxlhBRsnOLqegZpHB/kV+jTf9vYdRmlVbSru8eF+lXHRkHpGy/d2Xk/oX/STt7LULWkJrAxSBgmLQST1JZRCvyTN9fpX/TZ5is40x24fz+rCzk5JljqfYMLrd7MKAueR+x8bYBCBL1UxH1VBGpdYYtMdUfeVJP+6XrkLLQmmNzfc+kRQQBuZu0ZrALD+ViOOhjF7SM2qwdPa1X3XnYcvcyPyCM2BVBQ6UWpXoO+jceO6mZeVnwHuhq9r/w=="),
            (.rsaSHA256, "OPmJ1xkW7ydwSu2ZMmI0tnsr0kkH4WP+PJ9bCVXgoUHaWBRNW4Na7T21+vYt4WN3lqnp5J2R+hljrIRimak08OHCR/CXlQQRdNp95n2odWaqFiz8el9pY8ArmGhcX9ngVXHxur9tp02709wnslV05SsV41e98rUaAMunXZWYFJ0Z5O/qEQHV+j7N50mtfZAXkwzz1bdvxdd4JCMFB3CLKvzJUficbUpaNLPwTvGYlJRaLoOoiJFigU++YauI0BeMPlYBEQ3eRUBieuBcl5cCaFIdxv+yLjlaCdZ6GQ0ZJJGC62YpVgzCA4QH6uC2rAbH7ZBouPAf0KE1AGXXG9eUng=="),
        ]
        for (method, expected) in expectations {
            let signature = try OAuth1Signature.sign(
                baseString: base, method: method, consumerSecret: "ignored", tokenSecret: "",
                rsaPrivateKeyPEM: TestRSAKeys.privatePEM)
            #expect(signature == expected, "\(method)")
            #expect(try OAuth1Signature.verify(
                signature: signature, baseString: base, method: method, consumerSecret: "", tokenSecret: "",
                rsaPublicKeyPEM: TestRSAKeys.publicPEM))
            #expect(try !OAuth1Signature.verify(
                signature: signature, baseString: base + "2", method: method, consumerSecret: "", tokenSecret: "",
                rsaPublicKeyPEM: TestRSAKeys.publicPEM))
        }
    }

    @Test func rsaWithoutAKeyIsAClearError() {
        #expect(throws: OAuth1SignatureError.missingRSAKey(.rsaSHA256)) {
            try OAuth1Signature.sign(baseString: "b", method: .rsaSHA256, consumerSecret: "", tokenSecret: "")
        }
        #expect(throws: OAuth1SignatureError.self) {
            try OAuth1Signature.sign(
                baseString: "b", method: .rsaSHA1, consumerSecret: "", tokenSecret: "", rsaPrivateKeyPEM: "not a key")
        }
    }

    @Test func methodNamesAreCaseInsensitive() {
        #expect(OAuth1SignatureMethod(name: "hmac-sha256") == .hmacSHA256)
        #expect(OAuth1SignatureMethod(name: "PLAINTEXT") == .plaintext)
        #expect(OAuth1SignatureMethod(name: "HMAC-MD5") == nil)
    }
}

import Auth
import Testing

@Suite struct OAuth1NormalizationTests {
    @Test func percentEncodingFollowsRFC5849Section36() {
        #expect(OAuthPercentEncoding.encode("a b+c*d~e-f.g_h") == "a%20b%2Bc%2Ad~e-f.g_h")
        #expect(OAuthPercentEncoding.encode("é€") == "%C3%A9%E2%82%AC")
        #expect(OAuthPercentEncoding.encode("where[0][col]") == "where%5B0%5D%5Bcol%5D")
        #expect(OAuthPercentEncoding.encode("%mayank%") == "%25mayank%25")
    }

    @Test func rfcKeepsRepeatsEmptiesAndBracketsSortedByNameThenValue() {
        let normalized = OAuth1Normalization.rfc5849.normalize([
            ("where[0][val]", "%mayank%"), ("where[0][col]", "email"), ("z", ""), ("a", "2"), ("a", "10"),
            ("start", "0"), ("q", "ü +*~"),
        ])
        #expect(
            normalized
                == "a=10&a=2&q=%C3%BC%20%2B%2A~&start=0&where%5B0%5D%5Bcol%5D=email&where%5B0%5D%5Bval%5D=%25mayank%25&z=")
    }

    @Test func rfcSortsByEncodedNameBeforeValue() {
        // "a=" sorts after "a-b=" as whole strings but "a" precedes "a-b" as a name.
        #expect(OAuth1Normalization.rfc5849.normalize([("a-b", "1"), ("a", "2")]) == "a=2&a-b=1")
        #expect(OAuth1Normalization.mauticLegacy.normalize([("a-b", "1"), ("a", "2")]) == "a-b=1&a=2")
    }

    // reference/mautic-api.md §3: empty values skipped, nested names flattened, "k=v" strings sorted.
    @Test func mauticLegacyFlattensNestedNamesAndSkipsEmptyValues() {
        let normalized = OAuth1Normalization.mauticLegacy.normalize([
            ("where[0][col]", "email"), ("where[0][expr]", "eq"), ("where[0][val]", "a@b.c"),
            ("start", "0"), ("search", ""), ("limit", "10"), ("oauth_signature", "dropped"),
        ])
        #expect(normalized == "limit=10&where=a%40b.c&where=email&where=eq")
    }

    @Test func mauticLegacyBaseStringDiffersFromRFCOnlyWhereMauticDoes() {
        let plain: [(String, String)] = [("limit", "5"), ("oauth_nonce", "n")]
        #expect(
            OAuth1Signature.baseString(method: "GET", url: "http://m.test/api/contacts", parameters: plain)
                == OAuth1Signature.baseString(
                    method: "GET", url: "http://m.test/api/contacts", parameters: plain, normalization: .mauticLegacy))
        let nested = plain + [("where[0][col]", "email")]
        #expect(
            OAuth1Signature.baseString(method: "GET", url: "http://m.test/api/contacts", parameters: nested)
                != OAuth1Signature.baseString(
                    method: "GET", url: "http://m.test/api/contacts", parameters: nested, normalization: .mauticLegacy))
    }

    @Test func authorizationHeaderRoundTrips() throws {
        let parameters = [("oauth_consumer_key", "key"), ("oauth_signature", "a+b/c="), ("oauth_callback", "http://x/y?z=1")]
        let header = OAuth1AuthorizationHeader.render(parameters, realm: "Photos")
        #expect(
            header
                == #"OAuth realm="Photos", oauth_consumer_key="key", oauth_signature="a%2Bb%2Fc%3D", oauth_callback="http%3A%2F%2Fx%2Fy%3Fz%3D1""#)
        let parsed = try #require(OAuth1AuthorizationHeader.parse(header))
        #expect(parsed.map(\.0) == parameters.map(\.0))
        #expect(parsed.map(\.1) == parameters.map(\.1))
    }

    @Test func authorizationHeaderParsesMauticsUnquotedForm() throws {
        let parsed = try #require(OAuth1AuthorizationHeader.parse("OAuth oauth_token=abc, oauth_nonce=x%20y"))
        #expect(parsed.map(\.0) == ["oauth_token", "oauth_nonce"])
        #expect(parsed.map(\.1) == ["abc", "x y"])
        #expect(OAuth1AuthorizationHeader.parse("Bearer abc") == nil)
        #expect(OAuth1AuthorizationHeader.parse("OAuthx a=b") == nil)
    }
}

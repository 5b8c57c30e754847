import HTTPExchange
import Testing

/// The shared encoding helpers against the test vectors of their RFCs.
@Suite struct EncodingTests {
    /// RFC 4648 §10: BASE64("") … BASE64("foobar").
    static let base64Vectors = [
        ("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"),
        ("foob", "Zm9vYg=="), ("fooba", "Zm9vYmE="), ("foobar", "Zm9vYmFy"),
    ]

    @Test(arguments: base64Vectors)
    func base64MatchesRFC4648(text: String, encoded: String) {
        #expect(Base64.encode(text.utf8) == encoded)
        #expect(Base64.decode(encoded, padding: .required) == Array(text.utf8))
        let unpadded = encoded.filter { $0 != "=" }
        #expect(Base64.decode(unpadded) == Array(text.utf8))
        #expect(Base64.encodeURLSafe(text.utf8) == unpadded)
        #expect(Base64.decodeURLSafe(unpadded) == Array(text.utf8))
    }

    @Test func everyByteValueSurvivesBothAlphabets() {
        let bytes = (0...255).map(UInt8.init) + [0xFB, 0xFF]
        #expect(Base64.decode(Base64.encode(bytes)) == bytes)
        #expect(Base64.decodeURLSafe(Base64.encodeURLSafe(bytes)) == bytes)
        #expect(Base64.encode([0xFB, 0xFF, 0xBF]) == "+/+/")
        #expect(Base64.encodeURLSafe([0xFB, 0xFF, 0xBF]) == "-_-_")
    }

    @Test func paddingIsOptionalUnlessRequiredButNeverWrong() {
        #expect(Base64.decode("Zg") == Array("f".utf8))
        #expect(Base64.decode("Zg", padding: .required) == nil)
        #expect(Base64.decode("Zg=") == nil)
        #expect(Base64.decode("Zm9v=") == nil)
        #expect(Base64.decode("Zm9v===") == nil)
        #expect(Base64.decodeURLSafe("Zg==") == Array("f".utf8))
    }

    @Test func textOutsideTheAlphabetIsNotBase64() {
        #expect(Base64.decode("Z") == nil, "one character cannot end a byte")
        #expect(Base64.decode("Zm 9v") == nil)
        #expect(Base64.decode("Zm9v\n") == nil)
        #expect(Base64.decode("Zm=v") == nil)
        #expect(Base64.decode("-_-_") == nil)
        #expect(Base64.decodeURLSafe("+/+/") == nil)
        #expect(Base64.decode("%%%") == nil)
    }

    /// RFC 4648 §10: BASE16("") … BASE16("foobar"), written there in upper case.
    static let base16Vectors = [
        ("", ""), ("f", "66"), ("fo", "666F"), ("foo", "666F6F"),
        ("foob", "666F6F62"), ("fooba", "666F6F6261"), ("foobar", "666F6F626172"),
    ]

    @Test(arguments: base16Vectors)
    func hexMatchesRFC4648(text: String, encoded: String) {
        #expect(Hex.encode(text.utf8) == encoded.lowercased())
        #expect(Hex.decode(encoded) == Array(text.utf8))
        #expect(Hex.decode(encoded.lowercased()) == Array(text.utf8))
    }

    @Test func hexSkipsLineBreaksAndRejectsTheRest() {
        let bytes = (0...255).map(UInt8.init)
        #expect(Hex.decode(Hex.encode(bytes)) == bytes)
        #expect(Hex.decode("de ad\tbe\r\nef") == [0xDE, 0xAD, 0xBE, 0xEF])
        #expect(Hex.decode("abc") == nil)
        #expect(Hex.decode("0g") == nil)
        #expect(Hex.decode("+1") == nil)
    }

    @Test func constantTimeEqualityIsPlainEqualityOfTheUTF8() {
        #expect(ConstantTime.equals("s3cr3t", "s3cr3t"))
        #expect(ConstantTime.equals("", ""))
        #expect(!ConstantTime.equals("s3cr3t", "s3cr3T"))
        #expect(!ConstantTime.equals("s3cr3t", "s3cr3"))
        #expect(!ConstantTime.equals("s3cr3", "s3cr3t"))
        #expect(!ConstantTime.equals("", "\0"), "a longer value padded with zero bytes is still longer")
        #expect(ConstantTime.equals("é", "\u{E9}") && !ConstantTime.equals("é", "e\u{301}"), "bytes, not characters")
    }

    @Test func secureRandomTokensHaveTheirLengthAndAlphabet() {
        #expect(SecureRandom.bytes(0).isEmpty && SecureRandom.bytes(33).count == 33)
        let tokens = (0..<50).map { _ in SecureRandom.base64URLToken(bytes: 32) }
        #expect(tokens.allSatisfy { $0.count == 43 && Base64.decodeURLSafe($0)?.count == 32 })
        #expect(SecureRandom.base64URLToken(bytes: 16).count == 22)
        let alphanumerics = (0..<50).map { _ in SecureRandom.alphanumericToken(length: 24) }
        #expect(alphanumerics.allSatisfy { $0.count == 24 && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } })
        #expect(Set(tokens).count == tokens.count && Set(alphanumerics).count == alphanumerics.count)
    }

    @Test func editDistanceCountsASwapAsOneEdit() {
        #expect(EditDistance.between("kitten", "sitting") == 3)
        #expect(EditDistance.between("bar", "baz") == 1)
        #expect(EditDistance.between("hepl", "help") == 1)
        #expect(EditDistance.between("", "abc") == 3 && EditDistance.between("abc", "") == 3)
        #expect(EditDistance.between("same", "same") == 0)
    }

    @Test func didYouMeanSuggestsOnlyLikelyTypos() {
        let commands = ["help", "save", "show", "sandbox", "set"]
        #expect(EditDistance.closest(to: "hepl", among: commands) == "help")
        #expect(EditDistance.closest(to: "HEPL", among: commands) == "help")
        #expect(EditDistance.closest(to: "sav", among: commands) == "save")
        #expect(EditDistance.closest(to: "sandbx", among: commands) == "sandbox")
        #expect(EditDistance.closest(to: "ls", among: ["rm", "use"]) == nil)
        #expect(EditDistance.closest(to: "frobnicate", among: commands) == nil)
        #expect(EditDistance.closest(to: "client_secet", among: ["client_id", "client_secret", "scope"]) == "client_secret")
        #expect(EditDistance.closest(to: "consumer_key", among: ["username", "password", "allow_insecure"]) == nil)
        #expect(EditDistance.closest(to: "st", among: ["set", "sat"]) == "set", "of equally close candidates the first wins")
        #expect(EditDistance.closest(to: "anything", among: []) == nil)
    }

    /// RFC 7617 §2 and §2.1: the example credentials, and the UTF-8 ones.
    @Test func basicCredentialsMatchRFC7617() {
        #expect(BasicCredentials.headerValue(username: "Aladdin", password: "open sesame") == "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==")
        #expect(BasicCredentials.headerValue(username: "test", password: "123£") == "Basic dGVzdDoxMjPCow==")
        #expect(BasicCredentials(authorization: "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==") == BasicCredentials(username: "Aladdin", password: "open sesame"))
        #expect(BasicCredentials(authorization: "bASIC  dGVzdDoxMjPCow== ") == BasicCredentials(username: "test", password: "123£"))
    }

    @Test func aUserPassIsSentAsTypedAndReadAtItsFirstColon() {
        #expect(BasicCredentials.headerValue(userPass: "ada") == "Basic YWRh")
        #expect(BasicCredentials.headerValue(userPass: "ada:p@ss:word") == BasicCredentials.headerValue(username: "ada", password: "p@ss:word"))
        #expect(BasicCredentials(authorization: BasicCredentials.headerValue(username: "ada", password: "p@ss:word"))
                == BasicCredentials(username: "ada", password: "p@ss:word"))
        #expect(BasicCredentials(authorization: BasicCredentials.headerValue(username: "", password: "")) == BasicCredentials(username: "", password: ""))
    }

    @Test func onlyAReadableBasicValueHasCredentials() {
        #expect(BasicCredentials.isBasic("basic x") && !BasicCredentials.isBasic("Bearer x") && !BasicCredentials.isBasic("Basic"))
        #expect(BasicCredentials(authorization: "Bearer QWxhZGRpbjpvcGVuIHNlc2FtZQ==") == nil)
        #expect(BasicCredentials(authorization: "Basic %%%") == nil)
        #expect(BasicCredentials(authorization: "Basic YWRh") == nil, "no colon")
        #expect(BasicCredentials(authorization: "Basic YWRhOng") == nil, "padding is required")
        #expect(BasicCredentials(authorization: "Basic " + Base64.encode([0x61, 0x3A, 0xFF])) == nil, "not UTF-8")
    }
}

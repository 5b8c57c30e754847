import HTTPExchange
import JSON
import Testing
@testable import Runner

@Suite struct RunnerQueryTests {
    let json = RunnerFixtures.response(
        headers: ["Content-Type": "application/json", "X-Multi": "a", "x-multi": "b",
                  "Set-Cookie": "session=abc123; Path=/api; Max-Age=3600; HttpOnly; SameSite=Lax"],
        body: #"{"total": 3, "contacts": [{"id": 1, "email": "a@x.org"}, {"id": 2, "email": null}], "ratio": 1.5, "big": 123456789012345678901234567890}"#,
        version: "HTTP/2")

    private func value(_ line: String, _ variables: VariableStore = VariableStore()) throws -> RunValue? {
        try RunnerFixtures.check(line, json, variables: variables).actual
    }

    @Test func statusVersionURLAndDuration() throws {
        #expect(try value("status exists") == .integer(200))
        #expect(try value("version exists") == .string("2"))
        #expect(try value("url exists") == .string("http://127.0.0.1/x"))
        #expect(try value("duration exists") == .integer(42))
    }

    @Test func headersAreCaseInsensitiveAndRepeatedOnesBecomeAList() throws {
        #expect(try value("header \"content-type\" exists") == .string("application/json"))
        #expect(try value("header \"X-Multi\" exists") == .list([.string("a"), .string("b")]))
        #expect(try value("header \"X-Missing\" exists") == nil)
    }

    @Test func cookiesAndTheirAttributes() throws {
        #expect(try value("cookie \"session\" exists") == .string("abc123"))
        #expect(try value("cookie \"session[Path]\" exists") == .string("/api"))
        #expect(try value("cookie \"session[Max-Age]\" exists") == .integer(3600))
        #expect(try value("cookie \"session[HttpOnly]\" exists") == .bool(true))
        #expect(try value("cookie \"session[Secure]\" exists") == nil)
        #expect(try value("cookie \"other\" exists") == nil)
    }

    @Test func bodyBytesAndSHA256() throws {
        let small = RunnerFixtures.response(body: "abc")
        #expect(try RunnerFixtures.check("body exists", small).actual == .string("abc"))
        #expect(try RunnerFixtures.check("bytes exists", small).actual == .bytes(Array("abc".utf8)))
        #expect(try RunnerFixtures.check("sha256 == hex,ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad;", small).passed)
        let empty = RunnerFixtures.response(body: "")
        #expect(try RunnerFixtures.check("sha256 == hex,e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855;", empty).passed)
        let long = RunnerFixtures.response(body: String(repeating: "a", count: 1000))
        #expect(try RunnerFixtures.check("sha256 == hex,41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3;", long).passed)
        // FIPS 180-2 appendix B.2: a message of two blocks once padded.
        let twoBlocks = RunnerFixtures.response(body: "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
        #expect(try RunnerFixtures.check("sha256 == hex,248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1;", twoBlocks).passed)
        #expect(try !RunnerFixtures.check("sha256 == hex,e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855;", small).passed)
    }

    /// RFC 1321 appendix A.5 test suite.
    @Test(arguments: [
        ("", "d41d8cd98f00b204e9800998ecf8427e"),
        ("a", "0cc175b9c0f1b6a831c399e269772661"),
        ("abc", "900150983cd24fb0d6963f7d28e17f72"),
        ("message digest", "f96b697d7cb7938d525a2f31aaf161d0"),
        ("abcdefghijklmnopqrstuvwxyz", "c3fcd3d76192e4007dfb496cca67e13b"),
        ("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", "d174ab98d277d9f5a5611c2c9f419d9f"),
        (String(repeating: "1234567890", count: 8), "57edf4a22be3c955ac49da2e2107b67a"),
    ])
    func md5IsTheDigestOfTheBodyAsBytes(body: String, digest: String) throws {
        let response = RunnerFixtures.response(body: body)
        #expect(try RunnerFixtures.check("md5 == hex,\(digest);", response).passed)
        #expect(try RunnerFixtures.check("md5 toHex == \"\(digest)\"", response).passed)
        #expect(try !RunnerFixtures.check("md5 == hex,00000000000000000000000000000000;", response).passed)
    }

    @Test func jsonpathUnwrapsASingleNodeAndKeepsNumbersExact() throws {
        #expect(try value("jsonpath \"$.total\" exists") == .integer(3))
        #expect(try value("jsonpath \"$.contacts[0].email\" exists") == .string("a@x.org"))
        #expect(try value("jsonpath \"$.contacts[*].id\" exists") == .list([.integer(1), .integer(2)]))
        #expect(try value("jsonpath \"$.contacts[1].email\" exists") == .null)
        #expect(try value("jsonpath \"$.nothing\" exists") == nil)
        #expect(try value("jsonpath \"$.big\" exists") == .number(JSONNumber(literal: "123456789012345678901234567890")!))
        #expect(try value("jsonpath \"$.contacts[?@.id > 1].id\" exists") == .integer(2))
    }

    @Test func jsonpathOnABodyThatIsNotJSONIsAnError() throws {
        let outcome = try RunnerFixtures.check("jsonpath \"$.a\" exists", RunnerFixtures.response(body: "<html>"))
        #expect(!outcome.passed)
        #expect(outcome.error?.message.contains("not valid JSON") == true)
    }

    @Test func regexQueryReturnsTheFirstGroup() throws {
        let response = RunnerFixtures.response(body: "Hello Bob! Hello Ann!")
        #expect(try RunnerFixtures.check("regex \"Hello (\\\\w+)!\" exists", response).actual == .string("Bob"))
        #expect(try RunnerFixtures.check("regex /Hello \\w+/ exists", response).actual == .string("Hello Bob"))
        #expect(try RunnerFixtures.check("regex /Goodbye/ exists", response).actual == nil)
    }

    @Test func variableQueryReadsTypedValues() throws {
        let variables = VariableStore(["id": .integer(7), "name": .string("Ada")])
        #expect(try value("variable \"id\" exists", variables) == .integer(7))
        #expect(try value("variable \"name\" exists", variables) == .string("Ada"))
        #expect(try value("variable \"missing\" exists", variables) == nil)
    }

    @Test func unsupportedQueriesSaySo() throws {
        let outcome = try RunnerFixtures.check("xpath \"//p\" exists", json)
        #expect(outcome.error?.message == "the xpath query is not supported by apish")
    }
}

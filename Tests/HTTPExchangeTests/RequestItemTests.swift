import HTTPExchange
import Testing

@Suite struct RequestItemTests {
    @Test(arguments: [
        ("X-API-Key:abc", RequestItem.header(name: "X-API-Key", value: "abc")),
        ("Accept: text/plain", .header(name: "Accept", value: "text/plain")),
        ("Accept:", .removeHeader(name: "Accept")),
        ("X-Empty;", .header(name: "X-Empty", value: "")),
        ("limit==5", .query(name: "limit", value: "5")),
        ("where[0][col]==email", .query(name: "where[0][col]", value: "email")),
        ("firstname=Ada", .field(name: "firstname", value: "Ada")),
        ("a==b=c", .query(name: "a", value: "b=c")),
        ("points:=10", .jsonField(name: "points", json: "10")),
        ("tags:=[\"a\",\"b\"]", .jsonField(name: "tags", json: "[\"a\",\"b\"]")),
        ("bio=@notes.txt", .fieldFromFile(name: "bio", path: "notes.txt")),
        ("meta:=@meta.json", .jsonFieldFromFile(name: "meta", path: "meta.json")),
        ("avatar@me.png", .fileUpload(name: "avatar", path: "me.png", contentType: nil)),
        ("avatar@me.png;type=image/png", .fileUpload(name: "avatar", path: "me.png", contentType: "image/png")),
        ("url=http://x/y", .field(name: "url", value: "http://x/y")),
        ("a\\=b=c", .field(name: "a=b", value: "c")),
        ("time\\:zone=UTC", .field(name: "time:zone", value: "UTC")),
        ("email=a@b.c", .field(name: "email", value: "a@b.c")),
    ])
    func parsesEachKind(typed: String, expected: RequestItem) throws {
        #expect(try RequestItem.parse(typed) == expected)
    }

    @Test func typedFormParsesBack() throws {
        for text in ["a\\=b=c", "X:1", "q==1", "n:=2", "f@p", "E;", "Remove:"] {
            let item = try RequestItem.parse(text)
            #expect(try RequestItem.parse(item.typed) == item)
        }
    }

    @Test func rejectsWhatIsNotAnItem() {
        #expect(throws: RequestItemError.noSeparator("plainword")) { try RequestItem.parse("plainword") }
        #expect(throws: RequestItemError.missingName("=value")) { try RequestItem.parse("=value") }
        #expect(throws: RequestItemError.missingPath("file@")) { try RequestItem.parse("file@") }
    }

    @Test func headerNamesAreTokensAndValuesStayOnOneLine() throws {
        #expect(throws: RequestItemError.invalidHeader(.name("Ä"))) { try RequestItem.parse("Ä:1") }
        #expect(throws: RequestItemError.invalidHeader(.name("X(1)"))) { try RequestItem.parse("X(1);") }
        #expect(throws: RequestItemError.invalidHeader(.value(name: "X-A"))) { try RequestItem.parse("X-A:a\rb") }
        #expect(try RequestItem.parse("X-{{suffix}}:1") == .header(name: "X-{{suffix}}", value: "1"))
        #expect(try RequestItem.parse("!#$%&'*+-.^_`|~09aZ:1") == .header(name: "!#$%&'*+-.^_`|~09aZ", value: "1"))
    }
}
